import { performance } from 'node:perf_hooks';

/**
 * Seconds of the fastest of `calls` timed calls of `fn`, after one untimed warm-up call (thread
 * start, page faults); the same rule as best() in bench/best_time.py on the numpy side.
 * @example bestSeconds(() => gram(x), 3)
 */
export function bestSeconds(fn: () => unknown, calls: number): number {
  fn();
  let min = Infinity;
  for (let i = 0; i < calls; i++) {
    const start = performance.now();
    fn();
    min = Math.min(min, (performance.now() - start) / 1000);
  }
  return min;
}
