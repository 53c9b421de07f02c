"""numpy side of bench/linalg.ts: times the same kernels on the same sizes, prints JSON.

Usage: python3 bench/linalg_numpy.py '{"sizes":[500,1000],"kernels":["gram",...],"repeats":3}'
Matrices are made the way the TS side makes them (Gaussian X of n = 2d rows, A = XᵀX/n);
timings do not depend on the entries, only on the shapes.
"""
import json
import sys

import numpy as np
import scipy.linalg

from best_time import best

cfg = json.loads(sys.argv[1])
rng = np.random.default_rng(1)
out = {"numpy": np.__version__, "times": {}}

for d in cfg["sizes"]:
    n = 2 * d
    x = rng.standard_normal((n, d))
    a = x.T @ x / n
    b = rng.standard_normal((d, d))
    reps = cfg["repeats"]
    ops = {
        "matmul": lambda: b @ b,
        "gram": lambda: x.T @ x / n,
        "cholesky": lambda: np.linalg.cholesky(a),
        # as on the TS side: the factorisation, then the solve with d right-hand sides
        "choleskySolve": lambda: scipy.linalg.cho_solve((np.linalg.cholesky(a), True), b),
        "spdInverse": lambda: np.linalg.inv(a),
        "eigvalsh": lambda: np.linalg.eigvalsh(a),
        "eigh": lambda: np.linalg.eigh(a),
        "svd": lambda: np.linalg.svd(b, full_matrices=False),
        "qr": lambda: np.linalg.qr(b),
        "qrR": lambda: np.linalg.qr(b, mode="r"),
        "qrPivoted": lambda: scipy.linalg.qr(b, pivoting=True, mode="economic"),
        "gemv": lambda: x @ b[0],
        "trsm": lambda: scipy.linalg.solve_triangular(a, b, lower=False),
        "luLogdet": lambda: np.linalg.slogdet(b),
        "ldlLogdet": lambda: np.linalg.slogdet(a),
        "lstsqQr": lambda: scipy.linalg.lstsq(x, x.ravel()[:n], lapack_driver="gelsy"),
    }
    for k in cfg["kernels"]:
        out["times"][f"{k}:{d}"] = best(ops[k], reps)
print(json.dumps(out))
