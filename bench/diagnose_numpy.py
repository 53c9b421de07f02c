"""numpy/scipy reference for rmtkit's weight diagnostics (src/diagnostics), same definitions.

Imported by test/fixtures/diagnostics_fixtures.py (expected metrics for the test matrices) and run
by bench/diagnose.ts on every layer of a model (timing in the same run):
    python3 bench/diagnose_numpy.py '{"dir": "<folder of layer .npy files>", "mpFit": true, ...}'
Eigenvalues come from np.linalg.svd (values only), an independent route from rmtkit's Gram +
eigvalsh. Everything else follows the TSDoc of the TypeScript functions named in each docstring.
"""
import json
import math
import os
import sys
import time

import numpy as np
from scipy import integrate, optimize, stats

EPS = np.finfo(float).eps


def esd(W):
    """weightEsd: lambda = s^2 of W oriented N x M (N >= M), ascending."""
    N, M = max(W.shape), min(W.shape)
    s = np.linalg.svd(W, compute_uv=False)
    return N, M, np.sort(s * s)


def norm_metrics(ev, N, M):
    """normMetrics: log10 norms, stable rank, rank above lambda_max*max(N,M)*eps, entropy."""
    norm = float(np.sum(ev))
    top = float(np.max(ev))
    rank = int(np.count_nonzero(ev > top * max(N, M) * EPS))
    p = ev / norm
    p = p[p > 0]
    h = float(-np.sum(p * np.log(p)))
    return {'norm': norm, 'log_norm': math.log10(norm), 'spectral_norm': top, 'log_spectral_norm': math.log10(top),
            'stable_rank': norm / top, 'matrix_rank': rank, 'entropy': h / math.log(rank) if rank > 1 else 0.0}


def fit_powerlaw(data, threshold=1e-5, xmin=None):
    """fitPowerLaw: alpha_i = 1 + n_i / sum ln(x_j/x_i); D_i = max |1 - (x/x_i)^(1-alpha_i) - k/n_i|."""
    x = np.sort(np.asarray(data, dtype=float))
    x = x[x > threshold]
    n = len(x)
    if n < 2:
        return {'status': 'failed', 'alpha': float('nan')}
    logs = np.log(x)
    suffix = np.cumsum(logs[::-1])[::-1]
    candidates = range(n - 1) if xmin is None else [min(int(np.argmin(np.abs(x - xmin))), n - 2)]
    best = None
    for i in candidates:
        m = n - i
        alpha = 1 + m / (suffix[i] - m * logs[i])
        D = 1.0
        if alpha > 1 and np.isfinite(alpha):
            D = float(np.max(np.abs(1 - np.exp((1 - alpha) * (logs[i:] - logs[i])) - np.arange(m) / m)))
        if best is None or D < best[0]:
            best = (D, i, alpha)
    D, i, alpha = best
    ok = alpha > 1 and np.isfinite(alpha)
    m = n - i
    return {'status': 'success' if ok else 'failed', 'alpha': float(alpha) if ok else float('nan'), 'xmin': float(x[i]),
            'xmax': float(x[-1]), 'D': D if ok else float('nan'), 'sigma': float((alpha - 1) / math.sqrt(m)) if ok else float('nan'), 'n': m}


def fit_without_fingers(ev, max_fingers=10, finger_threshold=1.0, min_alpha=2.0, threshold=1e-5):
    """fitWithoutFingers: first k whose clipped alpha drops by more than the threshold."""
    x = np.sort(ev)
    raw = fit_powerlaw(x, threshold)
    if raw['status'] != 'success':
        return raw, 0, raw['alpha']
    for k in range(1, max_fingers + 1):
        if len(x) - k < 2:
            break
        fit = fit_powerlaw(x[:-k], threshold)
        if fit['status'] != 'success':
            break
        if fit['alpha'] + finger_threshold < raw['alpha']:
            return fit, k, raw['alpha']
        if fit['alpha'] <= min_alpha:
            break
    return raw, 0, raw['alpha']


def _log_integral(alpha, lam, k, j):
    """ln of the integral over t >= 0 of t^j exp((1-alpha+k)t - lam e^t), split at its peak (tpl.ts logIntegral)."""
    rate = 1 - alpha + k
    peak = max(0.0, math.log(rate / lam)) if rate > 0 and lam > 0 else 0.0
    expo = lambda t: rate * t - (lam * math.exp(min(t, 700.0)) if lam > 0 else 0.0)
    shift = expo(peak)
    f = lambda t: 0.0 if t > 700 or expo(t) - shift < -745 else t ** j * math.exp(expo(t) - shift)
    total = integrate.quad(f, peak, np.inf, epsabs=0, epsrel=1e-13, limit=500)[0]
    if peak > 0:
        total += integrate.quad(f, 0, peak, epsabs=0, epsrel=1e-13, limit=500)[0]
    return math.log(total) + shift


def _moments(alpha, lam):
    z = _log_integral(alpha, lam, 0, 0)
    ratio = lambda k, j: math.exp(_log_integral(alpha, lam, k, j) - z)
    e1, e2 = ratio(0, 1), ratio(1, 0)
    return z, e1, e2, ratio(0, 2) - e1 * e1, ratio(2, 0) - e2 * e2, ratio(1, 1) - e1 * e2


def fit_tpl(ev, xmin, alpha0):
    """fitTruncatedPowerLaw: Newton on the exponential family (ln y, y), y = x/xmin >= 1."""
    y = np.sort(ev[ev >= xmin]) / xmin
    n = len(y)
    mean_log, mean = float(np.mean(np.log(y))), float(np.mean(y))

    def loglik(a, l):
        try:
            return -a * mean_log - l * mean - _moments(a, l)[0]
        except (ValueError, OverflowError, ZeroDivisionError):
            return -np.inf

    alpha, lam = alpha0, 1 / y[-1]
    current = loglik(alpha, lam)
    for _ in range(100):
        _, e1, e2, v11, v22, v12 = _moments(alpha, lam)
        g0, g1 = e1 - mean_log, e2 - mean
        det = v11 * v22 - v12 * v12
        da, dl = (v22 * g0 - v12 * g1) / det, (v11 * g1 - v12 * g0) / det
        step = 1.0
        if lam + dl <= 0:
            step = 0.5 * lam / -dl
        nxt = loglik(alpha + step * da, lam + step * dl)
        while not nxt >= current - 1e-15 * abs(current) and step > 1e-10:
            step /= 2
            nxt = loglik(alpha + step * da, lam + step * dl)
        da, dl = step * da, step * dl
        alpha, lam, current = alpha + da, lam + dl, nxt
        done = abs(da) <= 1e-13 * (1 + abs(alpha)) and abs(dl) <= 1e-13 * (lam + 1 / y[-1])
        if lam < 1e-13 / y[-1]:
            lam, alpha = 0.0, 1 + 1 / mean_log
            break
        if done:
            break
    w = lambda t: 0.0 if t > 700 else math.exp((1 - alpha) * t - (lam * (math.exp(t) - 1) if lam > 0 else 0.0))
    z = integrate.quad(w, 0, np.inf, epsabs=0, epsrel=1e-13, limit=500)[0]
    cum, D = 0.0, 0.0
    for k in range(n):
        if k > 0:
            cum += integrate.quad(w, math.log(y[k - 1]), math.log(y[k]), epsabs=0, epsrel=1e-13)[0]
        D = max(D, abs(cum / z - k / n))
    return {'alpha': alpha, 'Lambda': lam / xmin, 'D': D}


def mp_median(c):
    """Median of Marchenko-Pastur(c, 1), c <= 1: brentq on the quadrature CDF."""
    lo, hi = (1 - math.sqrt(c)) ** 2, (1 + math.sqrt(c)) ** 2
    dens = lambda x: math.sqrt(max((hi - x) * (x - lo), 0.0)) / (2 * math.pi * c * x)
    cdf = lambda x: integrate.quad(dens, lo, x, epsabs=0, epsrel=1e-13, limit=200)[0]
    return optimize.brentq(lambda x: cdf(x) - 0.5, lo + 1e-300, hi, xtol=1e-16, rtol=4 * EPS)


def mp_fit(ev, N, M, q=2.0234):
    """mpFit: bulk median / (N * MP median) with Johnstone's Tracy-Widom threshold, iterated on the spike count."""
    x = np.sort(ev)
    mc = mp_median(M / N)
    a, b = math.sqrt(max(N - 1, 1)), math.sqrt(M)
    mu, s = (a + b) ** 2, (a + b) * (1 / a + 1 / b) ** (1 / 3)
    spikes = 0
    for _ in range(100):
        var = float(np.median(x[:M - spikes])) / (N * mc)
        thr = var * (mu + q * s)
        nxt = min(int(np.count_nonzero(x > thr)), M // 2)
        if nxt == spikes:
            break
        spikes = nxt
    bulk_max = var * (math.sqrt(N) + b) ** 2
    return {'sigma_mp': math.sqrt(var), 'bulk_min': var * (math.sqrt(N) - b) ** 2, 'bulk_max': bulk_max,
            'spike_threshold': thr, 'num_spikes': spikes, 'mp_softrank': bulk_max / x[-1]}


def traps(ev, rev, N, M, q=2.0234):
    """correlationTraps: WeightWatcher's jensen_shannon_distance and an MP fit of the randomised ESD."""
    p, r = np.sort(ev), np.sort(rev)
    m = (p + r) / 2
    fit = mp_fit(r, N, M, q)
    return {'rand_distance': float(math.sqrt((stats.entropy(p, m) + stats.entropy(r, m)) / 2)),
            'max_rand_eval': float(r[-1]), 'ww_softrank': float(r[-1] / p[-1]), 'ww_maxdist': float(p[-1] - r[-1]),
            'rand_sigma_mp': fit['sigma_mp'], 'rand_bulk_max': fit['bulk_max'], 'rand_num_spikes': fit['num_spikes'],
            'traps': [float(v) for v in r[::-1][:fit['num_spikes']]]}


def diagnose(W, mp=False, fingers=False, tpl=False, permutation=None):
    """analyzeSpectrum: every metric of one layer, WeightWatcher's column names."""
    N, M, ev = esd(W)
    out = {'N': N, 'M': M, **norm_metrics(ev, N, M)}
    if fingers:
        fit, k, raw = fit_without_fingers(ev)
        out.update(num_fingers=k, raw_alpha=raw)
    else:
        fit = fit_powerlaw(ev)
    alpha, D = fit['alpha'], fit.get('D', float('nan'))
    if tpl and fit['status'] == 'success':
        t = fit_tpl(ev, fit['xmin'], fit['alpha'])
        alpha, D = t['alpha'], t['D']
        out['Lambda'] = t['Lambda']
    out.update(alpha=alpha, alpha_weighted=alpha * out['log_spectral_norm'],
               log_alpha_norm=float(np.log10(np.sum(ev[ev > 0] ** alpha))), xmin=fit.get('xmin'), xmax=fit.get('xmax'), D=D,
               sigma=fit.get('sigma'), num_pl_spikes=int(np.count_nonzero(ev >= fit['xmin'])) if fit['status'] == 'success' else 0)
    if mp:
        out.update(mp_fit(ev, N, M))
    if permutation is not None:
        R = W.reshape(-1)[permutation].reshape(W.shape)
        out.update(traps(ev, esd(R)[2], N, M))
    return out


if __name__ == '__main__':
    args = json.loads(sys.argv[1])
    names = sorted(f for f in os.listdir(args['dir']) if f.endswith('.npy'))
    mats = [np.load(os.path.join(args['dir'], f)) for f in names]
    rng = np.random.default_rng(0)
    perms = [rng.permutation(W.size) for W in mats] if args.get('randomize') else [None] * len(mats)
    diagnose(mats[0], mp=True)  # warm-up: BLAS threads, scipy imports
    t0 = time.perf_counter()
    for W, p in zip(mats, perms):
        esd(W)
        if p is not None:
            esd(W.reshape(-1)[p].reshape(W.shape))
    svd_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    results = [diagnose(W, mp=args.get('mpFit', False), fingers=args.get('fingers', False), permutation=p) for W, p in zip(mats, perms)]
    seconds = time.perf_counter() - t0
    print(json.dumps({'numpy': np.__version__, 'seconds': seconds, 'svdSeconds': svd_seconds, 'layers': len(mats),
                      'alpha': [r['alpha'] for r in results]}))
