"""numpy reference for bench/random.ts: 5·10⁵ standard normals and uniforms from
numpy.random.default_rng (PCG64; ziggurat normals), as one vector and as a 1000 × 500 matrix.

Usage: python3 bench/random_numpy.py [reps]
Prints JSON: per case, the best wall-clock time and the best process CPU time of `reps` calls, in
milliseconds.
"""
import json
import sys
import time

import numpy as np


def best(f, reps):
    wall = cpu = float("inf")
    for _ in range(reps):
        s, c = time.perf_counter(), time.process_time()
        f()
        wall = min(wall, time.perf_counter() - s)
        cpu = min(cpu, time.process_time() - c)
    return {"wall": wall * 1e3, "cpu": cpu * 1e3}


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    rng = np.random.default_rng(0)
    print(json.dumps({
        "normal": best(lambda: rng.standard_normal(500_000), reps),
        "uniform": best(lambda: rng.random(500_000), reps),
        "matrix": best(lambda: rng.standard_normal((1000, 500)), reps),
    }))


if __name__ == "__main__":
    main()
