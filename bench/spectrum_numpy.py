"""numpy references for bench/spectrum.ts (same machine, same run). Prints one JSON object.

- silverstein: the generalised Marchenko–Pastur density of an AR(1) population (d = 1000) on a
  400-point grid by the plain damped fixed-point iteration, vectorised over the grid (eta = 1e-3).
- general: the §3 delta iteration with a d×d complex inverse per step (the textbook way), timed
  on a few grid points; the caller extrapolates to its grid size.
- simulate: one empirical spectrum of the SSR matrix at d = 1000 (Gram, inverse, eigvalsh).
"""
import json
import sys
import time
import numpy as np

args = json.loads(sys.argv[1])
out = {'numpy': np.__version__}

d, rho, c = args['d'], args['rho'], 1 / args['alpha']
idx = np.arange(d)
sigma = rho ** np.abs(idx[:, None] - idx[None, :])
t0 = time.perf_counter()
s = np.linalg.eigvalsh(sigma)
xs = np.linspace(0.01, (1 + np.sqrt(c)) ** 2 * s.max(), 400)
z = xs + 1e-3j
v = -1 / z
for it in range(20000):
    new = -1 / (z - c * np.mean(s[None, :] / (1 + s[None, :] * v[:, None]), axis=1))
    if np.max(np.abs(new - v)) < 1e-10 * np.max(np.abs(v)):
        break
    v = 0.5 * v + 0.5 * new
out['silverstein'] = {'seconds': time.perf_counter() - t0, 'iterations': it}

dg = args['dGeneral']
sig = rho ** np.abs(np.arange(dg)[:, None] - np.arange(dg)[None, :])
delta = np.diag(np.linalg.inv(sig + 0.2 * np.eye(dg)))
T = np.sqrt(delta)[:, None] * sig * np.sqrt(delta)[None, :]
B = np.diag(0.1 * delta)
n = dg * args['alpha']
points = args['generalPoints']
t0 = time.perf_counter()
steps = 0
for x in np.linspace(0.3, 0.9, points):
    dl = 1j
    for it in range(500):
        G = np.linalg.inv(B + T / (1 + dl) - (x + 1e-3j) * np.eye(dg))
        new = np.trace(T @ G) / n
        steps += 1
        if abs(new - dl) < 1e-10 * abs(new):
            break
        dl = 0.5 * dl + 0.5 * new
out['general'] = {'secondsPerPoint': (time.perf_counter() - t0) / points, 'solvesPerPoint': steps / points}

X = np.random.default_rng(1).standard_normal((args['alpha'] * d, d)) @ np.linalg.cholesky(sigma).T
t0 = time.perf_counter()
Q = np.linalg.inv(X.T @ X / X.shape[0] + 0.1 * np.eye(d))
r = 1 / np.sqrt(np.diag(Q))
np.linalg.eigvalsh(np.eye(d) - r[:, None] * Q * r[None, :])
out['simulate'] = {'seconds': time.perf_counter() - t0}
print(json.dumps(out))
