"""numpy reference for bench/trial-parts.ts: CPU seconds of each part of bench/reproduce_numpy.py's trial.

Usage: python3 bench/trial_parts_numpy.py '{"d": 500, "alpha": 2, "rho": 0.5, "lambda": 0.1, "trials": 60, "warmup": 10}'
Prints JSON {"sample": [...], "fit": [...], "error": [...]}: per warm trial, the AR(1) sample
(standard normals and the recursion), the fit with its training error (Gram, dpotrf + dpotri, the
column norms) and the exact generalisation error (I − Â = Q diag(Q)⁻¹, one product, the trace),
the same operations as reproduce_numpy.py's trial.
"""
import json
import sys
import time

import numpy as np
from scipy.linalg import lapack


def main():
    a = json.loads(sys.argv[1])
    d, rho, lam = a["d"], a["rho"], a["lambda"]
    n = max(1, round(a["alpha"] * d))
    idx = np.arange(d)
    sigma = rho ** np.abs(idx[:, None] - idx[None, :])
    rng = np.random.default_rng(0)
    parts = {"sample": [], "fit": [], "error": []}
    for t in range(a["warmup"] + a["trials"]):
        start = time.process_time()
        x = rng.standard_normal((n, d))
        c = np.sqrt(1 - rho * rho)
        for k in range(1, d):
            x[:, k] = rho * x[:, k - 1] + c * x[:, k]
        sampled = time.process_time()
        s = x.T @ x
        s /= n
        s[np.diag_indices(d)] += lam
        ch, info = lapack.dpotrf(s, lower=1, overwrite_a=1, clean=0)
        q, info = lapack.dpotri(ch, lower=1, overwrite_c=1)
        q = np.tril(q) + np.tril(q, -1).T
        dq = np.diag(q).copy()
        norms = np.einsum("ij,ij->j", q, q)
        float(np.mean((dq - lam * norms) / dq**2))
        fitted = time.process_time()
        residual = q / dq[np.newaxis, :]
        float(np.einsum("ij,ij->", residual, sigma @ residual)) / d
        done = time.process_time()
        if t >= a["warmup"]:
            parts["sample"].append(sampled - start)
            parts["fit"].append(fitted - sampled)
            parts["error"].append(done - fitted)
    print(json.dumps(parts))


if __name__ == "__main__":
    main()
