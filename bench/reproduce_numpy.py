"""numpy reference for bench/reproduce.ts: the same Monte Carlo trials as rmtkit's sweep, timed in the same run.

Usage: python3 bench/reproduce_numpy.py '{"d": 500, "alpha": 2, "rho": 0.5, "lambda": 0.1, "trials": 12, "seed": 0}'
Prints JSON: {"seconds": total, "cpu": CPU seconds of the loop, "times": [s per trial], "gen": [...],
"train": [...]}.
One trial, as rmtkit's error-vs-alpha trial: n = round(αd) AR(1) rows by the recursion
x_1 = z_1, x_k = ρ x_{k−1} + √(1−ρ²) z_k; masked SSR without centring (Gram, Cholesky inverse
dpotrf + dpotri, Â = I − Q diag(Q)⁻¹); exact generalisation error (1/d) tr[(I−Â)ᵀΣ(I−Â)] and the
training error (1/d) Σ_k (Q_kk − λ‖q_k‖²)/Q_kk². numpy's random numbers differ from rmtkit's
(Philox streams), so the errors agree only statistically.
"""
import json
import sys
import time

import numpy as np
from scipy.linalg import lapack


def sample(rng, d, n, rho):
    """n AR(1) rows: standard normals, then the recursion along each row."""
    x = rng.standard_normal((n, d))
    c = np.sqrt(1 - rho * rho)
    for k in range(1, d):
        x[:, k] = rho * x[:, k - 1] + c * x[:, k]
    return x


def fit(x, lam):
    """Q = (XᵀX/n + λI)⁻¹ by dpotrf + dpotri, its diagonal, and the training error."""
    n, d = x.shape
    s = x.T @ x
    s /= n
    s[np.diag_indices(d)] += lam
    ch, info = lapack.dpotrf(s, lower=1, overwrite_a=1, clean=0)
    if info != 0:
        raise RuntimeError(f"dpotrf info {info}")
    q, info = lapack.dpotri(ch, lower=1, overwrite_c=1)
    if info != 0:
        raise RuntimeError(f"dpotri info {info}")
    q = np.tril(q) + np.tril(q, -1).T
    dq = np.diag(q).copy()
    norms = np.einsum("ij,ij->j", q, q)
    train = float(np.mean((dq - lam * norms) / dq**2))
    return q, dq, train


def generalisation(q, dq, sigma):
    """(1/d) tr[(I−Â)ᵀΣ(I−Â)] with I − Â = Q diag(Q)⁻¹ (its diagonal is exactly 1)."""
    residual = q / dq[np.newaxis, :]
    return float(np.einsum("ij,ij->", residual, sigma @ residual)) / q.shape[0]


def trial(rng, d, n, rho, lam, sigma):
    q, dq, train = fit(sample(rng, d, n, rho), lam)
    return generalisation(q, dq, sigma), train


def point(a):
    """d, n = round(αd), ρ, λ and the AR(1) covariance Σ_ij = ρ^|i−j| of a JSON argument."""
    d, rho, lam = a["d"], a["rho"], a["lambda"]
    idx = np.arange(d)
    return d, max(1, round(a["alpha"] * d)), rho, lam, rho ** np.abs(idx[:, None] - idx[None, :])


def main():
    a = json.loads(sys.argv[1])
    d, n, rho, lam, sigma = point(a)
    rng = np.random.default_rng(a.get("seed", 0))
    times, gen, train = [], [], []
    start = time.perf_counter()
    cpu = time.process_time()
    for _ in range(a["trials"]):
        t = time.perf_counter()
        g, tr = trial(rng, d, n, rho, lam, sigma)
        times.append(time.perf_counter() - t)
        gen.append(g)
        train.append(tr)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(json.dumps({"seconds": seconds, "cpu": cpu, "times": times, "gen": gen, "train": train}))


if __name__ == "__main__":
    main()
