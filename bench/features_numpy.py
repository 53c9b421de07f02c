# numpy reference for bench/features.ts --only dd: one run of the double-descent experiment's
# random-feature ridge simulation (src/features/simulate.ts) at the full size, n = n̂ = 1024,
# p = 784, N = round(r·n) for the 60 ratios r of logGrid(0.1, 10, 60), γ = 1e-1 and 1e-5 from one
# eigendecomposition per N (the smaller Gram matrix), train and test MSE. The data are Gaussian
# rows scaled to ‖x‖ = 1 (the cost does not depend on the values).
# With `nested` (what the experiment runs now, src/features/nested-simulation.ts): one W of
# max N rows per run, features nested, φ applied block by block, [Σ Σ̂]ᵀ[Σ Σ̂]/n accumulated, and
# each (N, γ) one Cholesky solve of the dual system (ΣᵀΣ/n + γI)a = y.
# Usage: OPENBLAS_NUM_THREADS=1 python3 bench/features_numpy.py [relu|tanh] [runs] [nested]
# Prints the wall and CPU seconds per run (best of `runs`).
import sys
import time

import numpy as np
import scipy.linalg

act = {"relu": lambda t: np.maximum(t, 0), "tanh": np.tanh}[sys.argv[1] if len(sys.argv) > 1 else "relu"]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
n, n_test, p = 1024, 1024, 784
gammas = [1e-1, 1e-5]
rng = np.random.default_rng(1)


def sphere(rows):
    x = rng.standard_normal((rows, p))
    return x / np.linalg.norm(x, axis=1, keepdims=True)


x, xt = sphere(n), sphere(n_test)
y = np.where(np.arange(n) % 2, 1.0, -1.0)
yt = np.where(np.arange(n_test) % 2, 1.0, -1.0)
ratios = np.exp(np.linspace(np.log(0.1), np.log(10), 60))
features = [max(1, round(r * n)) for r in ratios]


def one_run():
    out = []
    for N in features:
        w = rng.standard_normal((N, p))
        s = act(w @ x.T)  # N×n
        st = act(w @ xt.T)  # N×n̂
        if N >= n:
            mu, u = np.linalg.eigh(s.T @ s / n)
            z = u.T @ y
            train_map = u * mu
            test_map = (st.T @ s / n) @ u
        else:
            mu, v = np.linalg.eigh(s @ s.T / n)
            z = v.T @ (s @ y / n)
            train_map = s.T @ v
            test_map = st.T @ v
        for g in gammas:
            c = z / (mu + g)
            out.append((np.mean((y - train_map @ c) ** 2), np.mean((yt - test_map @ c) ** 2)))
    return out


def one_nested_run():
    z = np.vstack([x, xt])
    w = rng.standard_normal((features[-1], p))
    moments = np.zeros((n + n_test, n + n_test))
    out, done = [], 0
    for N in features:
        if N > done:
            s = act(w[done:N] @ z.T)
            moments += s.T @ s / n
            done = N
        k, c = moments[:n, :n], moments[n:, :n]
        for g in gammas:
            a = scipy.linalg.cho_solve(scipy.linalg.cho_factor(k + g * np.eye(n)), y)
            out.append((np.mean((g * a) ** 2), np.mean((yt - c @ a) ** 2)))
    return out


run = one_nested_run if len(sys.argv) > 3 and sys.argv[3] == "nested" else one_run
best, best_cpu = float("inf"), float("inf")
for _ in range(runs):
    t, c = time.perf_counter(), time.process_time()
    run()
    best, best_cpu = min(best, time.perf_counter() - t), min(best_cpu, time.process_time() - c)
print(best, best_cpu)
