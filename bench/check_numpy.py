"""numpy side of bench/check.ts: times the kernels bench/check-kernels.ts times, prints JSON.

Usage: python3 bench/check_numpy.py '{"sizes":[1000,2000],"kernels":["gram","eigvalsh"]}'
Same rule as the TS side: one warm-up call, then the best of 5, 3 or 1 calls at d <= 1000,
<= 2000, larger. spdInverse is np.linalg.inv, what a numpy user calls (as in linalg_numpy.py).
"""
import json
import sys

import numpy as np

from best_time import best

cfg = json.loads(sys.argv[1])
rng = np.random.default_rng(1)
times = {}

for d in cfg["sizes"]:
    n = 2 * d
    x = rng.uniform(-1, 1, (n, d))
    a = x.T @ x / n
    ops = {
        "gram": lambda: x.T @ x / n,
        "spdInverse": lambda: np.linalg.inv(a),
        "eigvalsh": lambda: np.linalg.eigvalsh(a),
    }
    calls = 5 if d <= 1000 else 3 if d <= 2000 else 1
    for k in cfg["kernels"]:
        times[f"{k}:{d}"] = best(ops[k], calls)
print(json.dumps({"numpy": np.__version__, "times": times}))
