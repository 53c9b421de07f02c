"""Timing rule the numpy sides of the benchmarks share (bench/best-time.ts on the TS side)."""
import time


def best(fn, calls):
    """Seconds of the fastest of `calls` timed calls, after one warm-up (thread start, page faults)."""
    fn()
    t = []
    for _ in range(calls):
        s = time.perf_counter()
        fn()
        t.append(time.perf_counter() - s)
    return min(t)
