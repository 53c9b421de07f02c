"""numpy reference for bench/ssr.ts: the same masked-SSR closed form, timed in the same run.

Usage: python3 bench/ssr_numpy.py '{"file": "X.npy", "lambda": 0.1, "repeats": 3}'
Prints JSON: {"numpy", "times": [s, ...], "trainError"}. The steps mirror rmtkit's fitSsr:
centre, Gram X_cᵀX_c/n (numpy turns X.T @ X into dsyrk), add λI, Cholesky inverse
(LAPACK dpotrf + dpotri, then fill the other triangle), Â = I − Q diag(Q)⁻¹, and the training
error (1/d) Σ_k (Q_kk − λ‖q_k‖²)/Q_kk².
"""
import json
import sys
import time

import numpy as np
from scipy.linalg import lapack


def fit(x, lam):
    n, d = x.shape
    xc = x - x.mean(axis=0)
    s = xc.T @ xc
    s /= n
    s[np.diag_indices(d)] += lam
    c, info = lapack.dpotrf(s, lower=1, overwrite_a=1, clean=0)
    if info != 0:
        raise RuntimeError(f"dpotrf info {info}")
    q, info = lapack.dpotri(c, lower=1, overwrite_c=1)
    if info != 0:
        raise RuntimeError(f"dpotri info {info}")
    q = np.tril(q) + np.tril(q, -1).T
    dq = np.diag(q).copy()
    a = -q / dq[np.newaxis, :]
    a[np.diag_indices(d)] = 0.0
    norms = np.einsum("ij,ij->j", q, q)
    train = float(np.mean((dq - lam * norms) / dq**2))
    return a, train


def main():
    args = json.loads(sys.argv[1])
    x = np.load(args["file"])
    times = []
    train = None
    for _ in range(args.get("repeats", 3)):
        start = time.perf_counter()
        _, train = fit(x, args["lambda"])
        times.append(time.perf_counter() - start)
    print(json.dumps({"numpy": np.__version__, "times": times, "trainError": train}))


if __name__ == "__main__":
    main()
