# numpy reference for bench/features.ts --only dd: one run of the double-descent experiment's
# random-feature ridge simulation (src/features/simulate.ts) at the full size, n = n̂ = 1024,
# p = 784, N = round(r·n) for the 60 ratios r of logGrid(0.1, 10, 60), γ = 1e-1 and 1e-5 from one
# eigendecomposition per N (the smaller Gram matrix), train and test MSE. The data are Gaussian
# rows scaled to ‖x‖ = 1 (the cost does not depend on the values).
# Usage: OPENBLAS_NUM_THREADS=1 python3 bench/features_numpy.py [relu|tanh] [runs]
# Prints the seconds per run (best of `runs`).
import sys
import time

import numpy as np

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


best = float("inf")
for _ in range(runs):
    t = time.perf_counter()
    one_run()
    best = min(best, time.perf_counter() - t)
print(best)
