"""Independent numpy check of the free model on the Fashion-MNIST RBF kernel (issue 15).

Free compression is tested here by its definition, with no Stieltjes solver: rotate the large
matrix's spectrum Λ by a Haar-random orthogonal matrix and take an n_s×n_s principal block
(Q_sᵀ diag(Λ) Q_s with Q_s an N×n_s matrix of orthonormal columns). If the kernel were in free
position against coordinate sub-sampling, its random principal sub-matrices would have the same
spectrum as these blocks, up to the sampling noise measured by two blocks of the same kind.

Usage (the kernel of the first N training images, 14×14 pooled, as bench/decompress-kernel.ts):
  python3 bench/decompress_kernel_numpy.py --n 16384 --ns 1024 --eigs eigs-16384.f64 --ell 0.3754
    (Λ from a saved direct eigvalsh: little-endian float64, ascending)
  python3 bench/decompress_kernel_numpy.py --n 4096 --ns 1024 --variants
    (Λ computed here, for ℓ × {½, 1, 2} and for the centred kernel HKH; --vectors: eigenvector
    participation by decile)
  --nested: log det by extrapolating mean log λ of nested sub-samples (a non-free route)
"""

import argparse
import gzip
import time

import numpy as np

IMAGES = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"


def images(count):
    """First `count` training images, 2×2 average-pooled to 196 pixels in [0, 1]."""
    with gzip.open(IMAGES, "rb") as f:
        raw = f.read()
    header = np.frombuffer(raw[:16], dtype=">i4")
    n, h, w = int(header[1]), int(header[2]), int(header[3])
    x = np.frombuffer(raw[16:], dtype=np.uint8).reshape(n, h, w)[:count].astype(np.float64)
    pooled = x.reshape(count, h // 2, 2, w // 2, 2).mean(axis=(2, 4)) / 255
    return pooled.reshape(count, -1)


def squared_distances(x, rows=None, cols=None):
    """Per-pixel mean squared distances (the scale of rmtkit's gram, which divides by d)."""
    a = x if rows is None else x[rows]
    b = x if cols is None else x[cols]
    d = x.shape[1]
    sq_a = (a * a).sum(axis=1) / d
    sq_b = (b * b).sum(axis=1) / d
    return np.maximum(sq_a[:, None] + sq_b[None, :] - 2 * (a @ b.T) / d, 0)


def median_ell(x):
    """The bench's median heuristic: pairs (i mod N, (7i + 1) mod N), i < 2000, element 1000."""
    n, d = x.shape
    i = np.arange(2000)
    a, b = x[i % n], x[(7 * i + 1) % n]
    dist = np.sqrt(np.maximum(((a * a).sum(1) + (b * b).sum(1) - 2 * (a * b).sum(1)) / d, 0))
    return np.sort(dist)[1000]


def kernel(x, ell, rows=None):
    return np.exp(-squared_distances(x, rows, rows) / (2 * ell * ell))


def haar_block(spectrum, ns, rng):
    """Spectrum of an n_s×n_s principal block of Q diag(Λ) Qᵀ, Q Haar on O(N)."""
    q, r = np.linalg.qr(rng.standard_normal((len(spectrum), ns)))
    q *= np.sign(np.diag(r))
    return np.linalg.eigvalsh((q * spectrum[:, None]).T @ q)


def ks(a, b):
    """Two-sample Kolmogorov–Smirnov distance."""
    grid = np.sort(np.concatenate([a, b]))
    fa = np.searchsorted(np.sort(a), grid, side="right") / len(a)
    fb = np.searchsorted(np.sort(b), grid, side="right") / len(b)
    return np.abs(fa - fb).max()


def compare(block, spectrum, ns, reps, rng):
    """KS of principal sub-matrices block(rows) against Haar blocks, and of each kind against
    itself (the sampling noise)."""
    subs, blocks = [], []
    for _ in range(reps):
        rows = np.sort(rng.choice(len(spectrum), ns, replace=False))
        subs.append(np.linalg.eigvalsh(block(rows)))
        blocks.append(haar_block(spectrum, ns, rng))
    cross = np.mean([ks(s, b) for s, b in zip(subs, blocks)])
    # Kernel scaling instead of free mixing: λ_i(K_m) ≈ m·μ_i, i.e. the top n_s eigenvalues × τ.
    scaled = spectrum[-ns:] * ns / len(spectrum)
    by_index = np.mean([ks(s, scaled) for s in subs])
    noise_sub = np.mean([ks(subs[i], subs[i + 1]) for i in range(reps - 1)])
    noise_haar = np.mean([ks(blocks[i], blocks[i + 1]) for i in range(reps - 1)])
    qs = [0.1, 0.25, 0.5, 0.75, 0.9]
    sub_q = np.quantile(np.concatenate(subs), qs)
    haar_q = np.quantile(np.concatenate(blocks), qs)
    ratio = " ".join(f"q{q}: {h / s:.2f}" for q, h, s in zip(qs, haar_q, sub_q))
    pos = lambda v: np.log(np.maximum(v, 1e-300))
    scaled_q = np.quantile(scaled, qs) / sub_q
    print(
        f"  KS sub vs index scaling τ·λ_i(N) {100 * by_index:.1f} %; τλ/sub quantiles "
        + " ".join(f"q{q}: {r:.2f}" for q, r in zip(qs, scaled_q))
    )
    print(
        f"  KS sub vs Haar {100 * cross:.1f} %; noise sub/sub {100 * noise_sub:.1f} %, "
        f"Haar/Haar {100 * noise_haar:.1f} %; Haar/sub quantiles {ratio}"
    )
    print(
        f"  mean log λ: N {pos(spectrum).mean():.3f}, sub {np.mean([pos(s).mean() for s in subs]):.3f}"
        f", Haar {np.mean([pos(b).mean() for b in blocks]):.3f}"
    )
    return subs, blocks


def nested(x, ell, spectrum, ns, reps, rng):
    """A non-free route for log det: mean log λ of nested sub-samples (n_s/8 … n_s, averaged over
    disjoint splits of one n_s sample) extrapolated to N, linear and quadratic in log₂ n."""
    truth = np.log(spectrum).mean()
    sizes = [ns // 8, ns // 4, ns // 2, ns]
    for rep in range(reps):
        k = kernel(x, ell, rng.choice(len(spectrum), ns, replace=False))
        means = []
        for m in sizes:
            logs = []
            for _ in range(ns // m):
                sub = rng.permutation(ns)[:m]
                logs.append(np.log(np.linalg.eigvalsh(k[np.ix_(sub, sub)])).mean())
            means.append(np.mean(logs))
        at = np.log2(len(spectrum))
        lin = np.polyval(np.polyfit(np.log2(sizes), means, 1), at)
        quad = np.polyval(np.polyfit(np.log2(sizes), means, 2), at)
        print(
            f"  nested mean log λ {np.round(means, 3)} → N: linear {lin:.3f} "
            f"({100 * (lin / truth - 1):+.1f} %), quadratic {quad:.3f} ({100 * (quad / truth - 1):+.1f} %)"
            f" vs {truth:.3f}"
        )


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=4096)
    p.add_argument("--ns", type=int, default=1024)
    p.add_argument("--eigs", default="")
    p.add_argument("--ell", type=float, default=0.0)
    p.add_argument("--reps", type=int, default=4)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--variants", action="store_true")
    p.add_argument("--nested", action="store_true", help="log det by nested sub-sample scaling")
    p.add_argument("--vectors", action="store_true", help="eigenvector participation by decile")
    a = p.parse_args()
    rng = np.random.default_rng(a.seed)
    x = images(a.n)
    ell = a.ell or median_ell(x)
    print(f"Fashion-MNIST RBF, N = {a.n}, n_s = {a.ns}, ell = {ell:.6f}")
    if a.eigs:
        spectrum = np.fromfile(a.eigs, dtype="<f8")
        # The saved spectrum must be this kernel's: tr K = N and tr K² = ‖K‖_F², row blocks.
        fro = sum(
            (kernel_rows(x, ell, slice(i, min(i + 2048, a.n))) ** 2).sum()
            for i in range(0, a.n, 2048)
        )
        print(
            f"  check: Σλ {spectrum.sum():.6f} (N {a.n}), Σλ² {np.sum(spectrum**2):.6e} "
            f"vs ‖K‖_F² {fro:.6e}; λ range {spectrum[0]:.3e} … {spectrum[-1]:.1f}"
        )
        compare(lambda rows: kernel(x, ell, rows), spectrum, a.ns, a.reps, rng)
        if a.nested:
            nested(x, ell, spectrum, a.ns, 3, rng)
        return
    centre = lambda k: k - k.mean(0)[None, :] - k.mean(1)[:, None] + k.mean()
    cases = [("ℓ", lambda: kernel(x, ell))]
    if a.variants:
        cases += [
            ("ℓ/2", lambda: kernel(x, ell / 2)),
            ("2ℓ", lambda: kernel(x, 2 * ell)),
            ("ℓ, centred HKH", lambda: centre(kernel(x, ell))),
            ("Laplace exp(−d/ℓ)", lambda: np.exp(-np.sqrt(squared_distances(x)) / ell)),
            ("arc-cosine (ReLU NNGP)", lambda: relu_kernels(x)[0]),
            ("ReLU NTK, one hidden layer", lambda: relu_kernels(x)[1]),
        ]
    for name, build in cases:
        t = time.perf_counter()
        k = build()
        if a.vectors:
            spectrum, v = np.linalg.eigh(k)
            # Participation N·Σv⁴ per eigenvector (≈ 3 for a Haar vector), by spectral decile.
            part = len(spectrum) * (v**4).sum(axis=0)
            deciles = np.array_split(part, 10)
            print("  participation N·Σv⁴ by decile (low → high): "
                  + " ".join(f"{np.median(d):.1f}" for d in deciles))
            del v
        else:
            spectrum = np.linalg.eigvalsh(k)
        print(f"{name}: direct eigvalsh {time.perf_counter() - t:.1f} s")
        compare(lambda rows: k[np.ix_(rows, rows)], spectrum, a.ns, a.reps, rng)


def relu_kernels(x):
    """The degree-1 arc-cosine kernel (a wide ReLU layer's NNGP) and the one-hidden-layer ReLU NTK,
    per pixel: ‖x‖‖y‖(sin θ + (π − θ) cos θ)/(πd) and that plus x·y (π − θ)/(πd)."""
    d = x.shape[1]
    norms = np.sqrt((x * x).sum(1))
    dot = x @ x.T
    cos = np.clip(dot / np.outer(norms, norms), -1, 1)
    theta = np.arccos(cos)
    nngp = np.outer(norms, norms) * (np.sin(theta) + (np.pi - theta) * cos) / (np.pi * d)
    return nngp, nngp + dot * (np.pi - theta) / (np.pi * d)


def kernel_rows(x, ell, rows):
    return np.exp(-squared_distances(x, np.arange(len(x))[rows], None) / (2 * ell * ell))


if __name__ == "__main__":
    main()
