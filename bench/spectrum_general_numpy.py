"""numpy references for bench/spectrum-general.ts (same machine, same run). Prints one JSON object.

For each d: writes a dense covariance Σ (half its eigenvalues near 1 (sd 0.1), half near 4
(sd 0.3), in a Haar-random basis; with "block": b > 0, the same in a Haar-random basis of each
block of b coordinates, so Σ is block-diagonal; with "equicorrelation" as well, blocks (1 − ρ)I + ρ11ᵀ with ρ = 0.6, 0.2,
0.6, …) to <dir>/sigma-<d>.npy for the TypeScript side,
simulates
X (n = αd rows) and times one empirical spectrum of the SSR matrix Â: the Gram matrix, the
inverse and eigvalsh (`simulate`), and eigvalsh alone (`eigvalsh`); writes those eigenvalues to
<dir>/empirical-<d>.npy.
"""
import json
import sys
import time
import numpy as np

args = json.loads(sys.argv[1])
out = {'numpy': np.__version__, 'sizes': {}}
for d in args['sizes']:
    rng = np.random.default_rng(7)
    ev = np.where(np.arange(d) < d // 2, 1 + 0.1 * rng.standard_normal(d), 4 + 0.3 * rng.standard_normal(d))
    block = args.get('block', 0) or d
    if block < d:
        ev = rng.permutation(ev)  # both clusters in every block
    sigma = np.zeros((d, d))
    for lo in range(0, d, block):
        hi = min(d, lo + block)
        if args.get('equicorrelation'):
            rho = 0.2 if (lo // block) % 2 else 0.6
            sigma[lo:hi, lo:hi] = (1 - rho) * np.eye(hi - lo) + rho
            continue
        q, _ = np.linalg.qr(rng.standard_normal((hi - lo, hi - lo)))
        sigma[lo:hi, lo:hi] = (q * ev[lo:hi]) @ q.T
    sigma = (sigma + sigma.T) / 2
    np.save(f"{args['dir']}/sigma-{d}.npy", sigma)
    n = int(round(args['alpha'] * d))
    x = rng.standard_normal((n, d)) @ np.linalg.cholesky(sigma).T
    t0 = time.perf_counter()
    Q = np.linalg.inv(x.T @ x / n + args['lambda'] * np.eye(d))
    r = 1 / np.sqrt(np.diag(Q))
    S = np.eye(d) - r[:, None] * Q * r[None, :]
    t1 = time.perf_counter()
    values = np.linalg.eigvalsh(S)
    t2 = time.perf_counter()
    np.save(f"{args['dir']}/empirical-{d}.npy", values)
    out['sizes'][str(d)] = {'simulate': t2 - t0, 'eigvalsh': t2 - t1}
print(json.dumps(out))
