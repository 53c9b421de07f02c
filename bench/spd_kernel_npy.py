"""An n x n SPD float64 .npy written block by block (memory O(n) rows at a time): the RBF kernel
exp(-|x_i - x_j|^2 / (2 * 0.5^2)) of n points uniform in [0, 1]^4, plus 0.01 on the diagonal.
The out-of-core log-det benchmark of docs/estimation.md (bench/memdet-large.sh) reads it.
Usage: python3 bench/spd_kernel_npy.py N OUT.npy
"""
import numpy as np, sys
n = int(sys.argv[1]); out = sys.argv[2]
rng = np.random.default_rng(2026)
x = rng.random((n, 4))
a = np.lib.format.open_memmap(out, mode='w+', dtype='<f8', shape=(n, n))
sq = (x * x).sum(1)
for s in range(0, n, 2000):
    e = min(n, s + 2000)
    d2 = sq[s:e, None] + sq[None, :] - 2 * x[s:e] @ x.T
    blk = np.exp(-np.maximum(d2, 0) / (2 * 0.5 ** 2))
    for i in range(s, e): blk[i - s, i] += 0.01
    a[s:e] = blk
a.flush()
