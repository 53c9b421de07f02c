"""How far a cheap expansion gets towards the exact general solver (issue 25, docs/spectrum.md).

For a dense Σ (two noisy clusters in a Haar-random basis, α = 2, λ = 0.1) the deterministic
equivalent (3.2) of docs/theory.md needs tr M⁻¹ and tr Δ⁻¹M⁻¹ for M = sΣ + λ − zΔ⁻¹. Writing
Δ⁻¹ = e(I + F) with e the mean of Δ⁻¹ and expanding M⁻¹ around M₀ = sΣ + λ − ze (diagonal in Σ's
eigenbasis) gives terms of order k in F; order ≤ 2 costs O(d²) per evaluation after one
O(d³) set-up (F̃ = VᵀFV and F̃∘F̃), order 3 would cost O(d³) per evaluation again. The script
solves the scalar equation for s at points z = x + 10⁻⁶i inside the bulk with the exact traces
(one d×d inverse per iteration) and with the expansion of order 0, 1, 2, and prints the largest
relative error of m_N(z) over the points.
`--cost d` instead times one iteration of the order-2 expansion batched over a 400-point grid
(two products of the d×d matrix F̃∘F̃ with a complex d×400 block) against numpy's eigvalsh of one
d×d symmetric matrix, best of 3 each.
Usage: python3 bench/spectrum_general_perturbation.py [d ...]   (default 250 500 1000)
       python3 bench/spectrum_general_perturbation.py --cost 2000
"""
import sys

import numpy as np


def case(d: int) -> str:
    rng = np.random.default_rng(1)
    alpha, lam = 2.0, 0.1
    n = int(alpha * d)
    v, _ = np.linalg.qr(rng.standard_normal((d, d)))
    ev = np.concatenate([1 + 0.1 * rng.standard_normal(d // 2), 4 + 0.3 * rng.standard_normal(d - d // 2)])
    sigma = (v * ev) @ v.T
    # Δ = diag((Σ + κ)⁻¹) for a fixed κ: the structure (3.2) needs, not a particular κ.
    delta = np.diag(np.linalg.inv(sigma + 0.5 * np.eye(d))).copy()
    e_inv = 1 / delta
    e = e_inv.mean()
    f = e_inv / e - 1
    f_t = v.T @ (f[:, None] * v)
    q = f_t * f_t
    f_diag = np.diag(f_t)

    def exact(s, z):
        m_inv = np.linalg.inv(s * sigma + lam * np.eye(d) - z * np.diag(e_inv))
        return np.trace(m_inv), np.sum(e_inv * np.diag(m_inv))

    def expansion(order):
        def traces(s, z):
            mu = s * ev + lam - z * e
            a = np.sum(1 / mu)
            t = np.sum(f_diag / mu)
            if order >= 1:
                a += z * e * np.sum(f_diag / mu**2)
                t += z * e * (1 / mu) @ q @ (1 / mu)
            if order >= 2:
                a += (z * e) ** 2 * (1 / mu**2) @ q @ (1 / mu)
            return a, e * (a + t)

        return traces

    def m_of(z, traces):
        # s = 1/(1 + δ), δ = (d − λ tr M⁻¹ + z tr Δ⁻¹M⁻¹)/(n s); damped fixed point.
        s = 0.5 - 0.5j
        for _ in range(400):
            a, b = traces(s, z)
            s_new = 1 / (1 + (d - lam * a + z * b) / (n * s))
            if abs(s_new - s) < 1e-14:
                break
            s = 0.5 * s + 0.5 * s_new
        return traces(s, z)[1] / d

    errors = {k: 0.0 for k in (0, 1, 2)}
    for x in np.linspace(0.25, 1.2, 6):
        z = x + 1e-6j
        m = m_of(z, exact)
        if m.imag < 1e-3:
            continue  # outside the bulk
        for k in errors:
            errors[k] = max(errors[k], abs(m_of(z, expansion(k)) - m) / abs(m))
    rms = np.sqrt(np.mean(f**2))
    return f"d = {d}: RMS of F {rms:.4f}; " + ", ".join(f"order {k}: {err:.1e}" for k, err in errors.items())


def cost(d: int) -> str:
    import time

    rng = np.random.default_rng(2)
    q = rng.standard_normal((d, d)) ** 2
    block = rng.standard_normal((d, 400)) + 1j * rng.standard_normal((d, 400))
    sym = rng.standard_normal((d, d))
    sym = sym + sym.T

    def best(run):
        times = []
        for _ in range(3):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        return min(times)

    iteration = best(lambda: (q @ block, q @ (block * block)))
    eig = best(lambda: np.linalg.eigvalsh(sym))
    return (
        f"d = {d}: one batched order-2 iteration {iteration * 1e3:.0f} ms, eigvalsh {eig * 1e3:.0f} ms, "
        f"ten iterations = {10 * iteration / eig:.1f} eigvalsh"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--cost"]:
        for d in [int(a) for a in sys.argv[2:]] or [1000, 2000]:
            print(cost(d), flush=True)
        sys.exit(0)
    for d in [int(a) for a in sys.argv[1:]] or [250, 500, 1000]:
        print(case(d), flush=True)
