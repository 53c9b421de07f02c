#!/usr/bin/env python3
"""WeightWatcher 0.7.5's per-layer details columns, re-derived from its source with numpy/scipy only.

This follows weightwatcher.py (set_weight_matrices/conv2D_Wmats, apply_normalize_Wmats,
combined_eigenvalues, apply_esd, fit_powerlaw, apply_mp_fit/mp_fit, apply_random_esd/
random_eigenvalues, apply_detX, apply_norm_metrics), RMT_Util.py (matrix_rank, calc_rank_loss,
matrix_entropy, fit_density_with_range, resid_mp, fit_clipped_powerlaw, jensen_shannon_distance,
rescale_eigenvalues, detX_constraint) and WW_powerlaw.py (WWFit) step by step, written anew for
rmtkit's tests (weightwatcher itself is not installed). The fits WeightWatcher runs with
pl_package='powerlaw' (fix_fingers='xmin_peak', fit='TPL'/'E_TPL', xmax='force', and the clipped
fits of fix_fingers='clip_xmax' combined with TPL or force) follow powerlaw 1.5 in
ww_alstott_reference.py (numpy, scipy's fmin, and mpmath's gammainc, as powerlaw uses). Two
substitutions: sklearn's
KernelDensity(kernel='linear', bandwidth=0.1) is written out (density (1/(n h)) sum (1 - |x - x_i|/h)+,
which is what sklearn evaluates exactly with its default atol = rtol = 0), and the random
permutations are passed in instead of drawn with np.random.

Used by test/fixtures/ww_fixtures.py; `python3 bench/ww_reference.py file.npy` prints the row;
`python3 bench/ww_reference.py --time <folder> [--plain]` times mp_fit + randomize (or neither) over
its .npy layers.
"""
import math
import sys

import numpy as np
from scipy import optimize, stats

from ww_alstott_reference import alstott_fit, truncated_power_law

EVALS_THRESH = 1e-5
EPSILON = 1e-10


def slices(W):
    """(kind, Wmats, N, M, rf, norm) as set_weight_matrices + apply_normalize_Wmats would make them."""
    shape = W.shape
    if W.ndim == 4:
        kind = 'conv2d'
    else:
        dims = [d for d in shape if d != 1]
        if len(dims) == 2:
            W2 = W.reshape(dims)
            return 'dense', [W2], max(dims), min(dims), 1, 1.0
        assert W.ndim == 3 and len(dims) == 3
        W = W.reshape(shape[0], shape[1], 1, shape[2])
        kind = 'conv1d'
    N, M, imax, jmax = W.shape
    Wmats = []
    if N + M >= imax + jmax:  # CHANNELS.LAST
        for i in range(imax):
            for j in range(jmax):
                S = W[:, :, i, j]
                if S.shape[0] < S.shape[1]:
                    N, M = M, N
                    S = S.T
                Wmats.append(S)
    else:  # CHANNELS.FIRST
        M, N, imax, jmax = imax, jmax, N, M
        for i in range(imax):
            for j in range(jmax):
                S = W[i, j, :, :]
                if S.shape[1] < S.shape[0]:
                    N, M = M, N
                    S = S.T
                Wmats.append(S)
    rf = imax * jmax
    # conv2d_norm (default True) applies to CONV2D layers only; conv1d is rmtkit's extension.
    norm = np.sqrt(1 / 2.0) if kind == 'conv2d' else 1.0
    return kind, Wmats, N, M, rf, norm


def matrix_rank(svals, N):
    tol = np.max(svals) * N * np.finfo(svals.dtype).eps
    return np.count_nonzero(svals > tol)


def combined_eigenvalues(Wmats, N, M, n_comp):
    all_evals, max_sv, min_sv, rank_loss = np.array([]), 0.0, 0.0, 0
    for W in Wmats:
        sv = np.sort(np.linalg.svd(W.astype(float), compute_uv=False).flatten())[-n_comp:]
        all_evals = np.concatenate((all_evals, sv * sv))
        max_sv = np.max([max_sv, np.max(sv)])
        min_sv = np.max([min_sv, np.min(sv)])
        rank_loss += len(sv) - matrix_rank(sv, N)
    return np.sort(all_evals), max_sv, min_sv, rank_loss


def ww_fit(data, xmax=None):
    """WWFit(data) with xmin = None: returns (alpha, xmin, xmax, D, sigma); raises on < 2 points. A
    numeric xmax keeps the data up to the value nearest to it (find_limit)."""
    data = np.asarray(np.sort(data), dtype=np.float64)
    if xmax is not None:
        data = data[:np.argmin(np.abs(data - xmax)) + 1]
    n_all = len(data)
    log_data = np.log(data)
    alphas = np.zeros(n_all - 1)
    Ds = np.ones(n_all - 1)
    for i, xmin in enumerate(data[:-1]):
        n = float(n_all - i)
        alpha = 1 + n / (np.sum(log_data[i:]) - n * log_data[i])
        alphas[i] = alpha
        if alpha > 1:
            Ds[i] = np.max(np.abs(1 - (data[i:] / xmin) ** (-alpha + 1) - np.arange(n) / n))
    sigmas = (alphas - 1) / np.sqrt(n_all - np.arange(n_all - 1))
    i = np.argmin(Ds)  # raises ValueError on an empty array, as WWFit does
    return dict(alpha=alphas[i], xmin=data[:-1][i], xmax=data[-1], D=Ds[i], sigma=sigmas[i])


def pl_fit(data, xmax, package):
    """WW_powerlaw.pl_fit(data, xmax=xmax, distribution='power_law', pl_package=package), the fit
    fit_clipped_powerlaw repeats: WWFit ('ww', raises on < 2 points) or powerlaw's Fit ('powerlaw',
    alpha NaN when fewer than 2 distinct values are left); 'data' is the array the Fit was given."""
    if package == 'ww':
        fit = ww_fit(data, xmax)
    else:
        fit = alstott_fit(data, None, xmax, 'power_law')
    fit['data'] = data
    return fit


def fit_clipped(evals, max_fingers=10, finger_thresh=1.0, min_alpha=2.0, xmax=None, package='ww'):
    """RMT_Util.fit_clipped_powerlaw (xmin None); xmax is the forced λmax or None. Raises where it
    does: WWFit on < 2 points, evals[-idx] past the start, np.max of an empty clip, max_fingers <= 2
    (idx unbound)."""
    first = pl_fit(evals, xmax, package)
    best, num_fingers = first, 0
    for idx in range(2, max_fingers):
        if xmax is not None and xmax is not False:
            xmax = np.max(evals[-idx])
        fit = pl_fit(evals[:-idx], xmax, package)
        if fit['alpha'] + finger_thresh < first['alpha']:
            best, num_fingers = fit, idx - 1
            break
        if min_alpha is not None and fit['alpha'] <= min_alpha:
            break
    if idx == max_fingers:
        fit = first
    else:
        for idy in range(idx + 1, idx + 4):
            data = evals[:-idy]
            if xmax is not None and xmax is not False:
                xmax = np.max(data)
            check_fit = pl_fit(data, xmax, package)
            if np.abs(check_fit['alpha'] - fit['alpha']) > finger_thresh:
                break
    return best, num_fingers, first


def xmin_peak_range(nz, xmin_max):
    """fit_powerlaw's fix_fingers='xmin_peak' range: the left edge xmin2 of the fullest of 100 bins
    of log10 λ; (log10(0.95·xmin2), xmin_max or 1.5·xmin2), the first bound a log as there."""
    h = np.histogram(np.log10(nz), bins=100)
    xmin2 = 10 ** h[1][np.argmax(h[0])]
    if xmin_max is None:
        xmin_max = 1.5 * xmin2
    return (np.log10(0.95 * xmin2), xmin_max)


def fit_powerlaw(evals, fix_fingers=None, max_fingers=10, finger_thresh=1.0, xmax=None, xmin_max=None,
                 fit='PL'):
    """fit_powerlaw with pl_package='powerlaw' where WeightWatcher requires it (fix_fingers='xmin_peak',
    fit='TPL'/'E_TPL', xmax='force', clip_xmax with those), else 'ww'. fit='E_TPL' is TPL with xmin_peak
    (normalize_params)."""
    if fit == 'E_TPL':
        fix_fingers = 'xmin_peak'
    kind = 'truncated_power_law' if fit in ('TPL', 'E_TPL') else 'power_law'
    package = 'powerlaw' if fix_fingers == 'xmin_peak' or kind != 'power_law' or xmax == 'force' else 'ww'
    out = dict(alpha=-1, xmin=-1, xmax=None, D=-1, sigma=-1, num_pl_spikes=-1)
    Lambda = -1
    raw = None
    if xmax == 'force':
        xmax = np.max(evals)
    elif isinstance(xmax, int):
        xmax = np.abs(xmax)
        if xmax <= len(evals) / 2:  # else WeightWatcher marks FAILED, then fits with xmax as a value
            evals = evals[:-xmax]
            xmax = None
    else:
        xmax = None
    try:
        nz = evals[evals > EVALS_THRESH]
        if fix_fingers == 'xmin_peak':
            fit = alstott_fit(nz, xmin_peak_range(nz, xmin_max), xmax, kind)
        elif fix_fingers == 'clip_xmax':
            if max_fingers is None or max_fingers < 0 or max_fingers < (1 / 2) * len(evals):
                max_fingers = 10
            fit, num_fingers, raw = fit_clipped(nz, max_fingers, finger_thresh, xmax=xmax, package=package)
            out['num_fingers'] = num_fingers
        elif package == 'ww':
            fit = ww_fit(nz, xmax)
        else:
            fit = alstott_fit(nz, None, xmax, kind)
        status = 'success'
    except Exception:
        status, fit = 'failed', None
        if fix_fingers == 'clip_xmax':
            out['num_fingers'] = 0
    if fit is None or np.isnan(fit['alpha']):
        status = 'failed'
    if status == 'success':
        out.update(alpha=fit['alpha'], xmin=fit['xmin'], xmax=fit['xmax'], D=fit['D'], sigma=fit['sigma'])
        out['num_pl_spikes'] = len(evals[evals >= fit['xmin']])
        if kind == 'truncated_power_law' and fix_fingers == 'clip_xmax':
            # alpha = fit.truncated_power_law.alpha: the chosen power-law Fit's TPL, fitted at its
            # xmin (and xmax); D, sigma stay the power law's
            tpl = truncated_power_law(fit['data'], fit['xmin'], fit['xmax'])
            out['alpha'], Lambda = tpl['alpha'], tpl['Lambda']
        elif kind == 'truncated_power_law':
            Lambda = fit['Lambda']
    else:
        out['xmax'] = xmax  # what fit_powerlaw's xmax holds when the fit failed
    if kind == 'truncated_power_law':
        out['Lambda'] = Lambda
    if fix_fingers == 'clip_xmax':
        out['raw_alpha'] = raw['alpha'] if raw is not None else -1
    alpha = out['alpha']
    out['warning'] = 'over-trained' if alpha < 2.0 else 'under-trained' if alpha > 6.0 else ''
    out['status'] = status
    return out


def resid_mp(p, evals, Q, bw, allresid=True):
    sigma = p
    # sklearn KernelDensity(kernel='linear', bandwidth=bw).score_samples, exactly (atol = rtol = 0)
    xde = np.linspace(0, np.max(evals) + 0.5, 1000)
    dist = np.abs(xde[:, None] - evals[None, :])
    yde = np.sum(np.where(dist < bw, 1 - dist / bw, 0.0), axis=1) / (len(evals) * bw)
    THRESH = 0.01
    bad_ids = np.where(np.array(yde) < THRESH)[0]
    good_ids = np.where(np.array(yde) > THRESH)[0]
    xde, yde = xde[good_ids], yde[good_ids]
    with np.errstate(all='ignore'):
        if Q == 1:
            ymp = np.nan_to_num((1 / (np.pi * sigma * sigma)) * np.sqrt(4 - xde ** 2))
            resid = ymp - yde
        else:
            y = 1 / Q
            b = np.power(sigma * (1 + np.sqrt(1 / Q)), 2)
            a = np.power(sigma * (1 - np.sqrt(1 / Q)), 2)
            ymp = np.nan_to_num((1 / (2 * np.pi * sigma * sigma * xde * y)) * np.sqrt((b - xde) * (xde - a)))
            peak = xde[np.where(yde == max(yde))][0]
            if (b < peak) | (b > max(xde)) | (a > peak):
                resid = np.zeros(len(yde)) + 1000
            else:
                resid = ymp - yde
    resid = np.concatenate((resid, np.zeros(len(bad_ids))))
    return resid if allresid else np.sum(resid ** 2)


def mp_fit(evals, N, M):
    Q = N / M
    Wnorm = np.sqrt(np.sum(evals))
    Wscale = np.sqrt(evals.shape[0]) / Wnorm
    to_plot = (Wscale * Wscale) * evals
    lambda_max = np.max(to_plot)
    s = np.sqrt(np.max(to_plot) / np.square(1 + 1.0 / np.sqrt(Q)))  # calc_sigma
    sigma_range = (slice(0.05 * s, 2.0 * s, 0.01 * s),)
    to_fit = np.sqrt(to_plot) if Q == 1 else to_plot
    s1 = optimize.brute(resid_mp, sigma_range, args=(to_fit, Q, 0.1, False), full_output=True)[0][0]
    bulk_max = (s1 * (1 + 1 / np.sqrt(Q))) ** 2
    bulk_min = (s1 * (1 - 1 / np.sqrt(Q))) ** 2
    TW = 1 / np.sqrt(Q) * np.power(bulk_max, 2 / 3) * np.power(M, -2 / 3)
    num_spikes = len(to_plot[to_plot > bulk_max + np.sqrt(TW)])
    return dict(num_spikes=num_spikes, sigma_mp=s1, mp_softrank=bulk_max / lambda_max, W_scale=Wscale,
                bulk_max=bulk_max / (Wscale * Wscale), bulk_min=bulk_min / (Wscale * Wscale))


def random_eigenvalues(Wmats, n_comp, perms):
    all_evals, k = [], 0
    while k < len(perms):
        for W in Wmats:
            Wr = W.flatten()[perms[k]].reshape(W.shape).astype(float)
            k += 1
            sv = np.sort(np.linalg.svd(Wr, compute_uv=False).flatten())[-n_comp:]
            all_evals.extend(sv * sv)
    return np.sort(np.array(all_evals))


def jensen_shannon_distance(p, q):
    m = (p + q) / 2
    return np.sqrt((stats.entropy(p, m) + stats.entropy(q, m)) / 2)


def detX(evals):
    n = len(evals)
    Wscale = np.sqrt(n) / np.sqrt(np.sum(evals))
    ev = (Wscale * Wscale) * evals
    num, idx = 0, 0
    if n >= 2 and ev[0] < ev[-1]:
        num = n
        for idx in range(n - 1, 0, -1):
            if np.prod(ev[idx:]) < 1.0:
                num = n - idx
                break
    return dict(detX_num=num, detX_val=(ev / (Wscale * Wscale))[idx], detX_val_unrescaled=ev[idx])


def details(W, layer_id=0, name='', mp=False, perms=None, fix_fingers=None, **fit_options):
    """One WeightWatcher details row (dict, WeightWatcher's column names) for the tensor W."""
    kind, Wmats, N, M, rf, norm = slices(np.asarray(W, dtype=np.float64))
    Wmats = [S * norm for S in Wmats]
    n_comp = M * rf if kind != 'dense' else M
    evals, sv_max, sv_min, rank_loss = combined_eigenvalues(Wmats, N, M, n_comp)
    row = dict(layer_id=layer_id, name=name, N=N, M=M, rf=rf, Q=N / M if M > 0 else -1,
               num_evals=len(evals), sv_max=sv_max, sv_min=sv_min, rank_loss=rank_loss,
               weak_rank_loss=len(evals[evals < 1e-6]), lambda_max=np.max(evals))
    row.update(fit_powerlaw(evals, fix_fingers, **fit_options))
    if mp:
        row.update(mp_fit(evals, N, M))
    if perms is not None:
        reps = (5 if n_comp < 100 else 1) * len(Wmats)
        rand = random_eigenvalues(Wmats, n_comp, perms[:reps])
        rand2 = random_eigenvalues(Wmats, n_comp, perms[reps:reps + len(Wmats)])
        row.update(max_rand_eval=np.max(rand), rand_distance=jensen_shannon_distance(evals, rand2),
                   ww_softrank=np.max(rand2) / np.max(evals), ww_maxdist=np.max(evals) - np.max(rand2))
        row.update({f'rand_{k}': v for k, v in mp_fit(rand, N, M).items()})
    row.update(detX(evals))
    alpha = row['alpha']
    norm_ = np.sum(evals)
    sv = np.sqrt(evals)
    rank = matrix_rank(sv, N)
    p = (sv * sv) / np.sum(sv * sv) + EPSILON
    with np.errstate(all='ignore'):
        row.update(norm=norm_, log_norm=np.log10(norm_), spectral_norm=np.max(evals),
                   log_spectral_norm=np.log10(np.max(evals)), alpha_weighted=alpha * np.log10(np.max(evals)),
                   log_alpha_norm=np.log10(np.sum([ev ** alpha for ev in evals])), stable_rank=norm_ / np.max(evals),
                   matrix_rank=rank, entropy=-np.sum(p * np.log(p)) / np.log(rank + EPSILON))
    return row, evals


def time_folder(folder, plain=False):
    """Times details(W) over every .npy in folder (bench/diagnose-model.ts): with mp_fit and
    randomize, or with neither (plain)."""
    import json
    import os
    import time
    names = sorted(f for f in os.listdir(folder) if f.endswith('.npy'))
    mats = [np.load(os.path.join(folder, f)) for f in names]
    rng = np.random.default_rng(0)
    details(mats[0][:64, :64], mp=True)  # warm-up: BLAS threads, scipy imports
    t0, c0 = time.perf_counter(), time.process_time()
    rows = [details(W, layer_id=k, mp=not plain,
                    perms=None if plain else [rng.permutation(W.size) for _ in range(2)])[0]
            for k, W in enumerate(mats)]
    print(json.dumps({'seconds': time.perf_counter() - t0, 'cpuSeconds': time.process_time() - c0,
                      'alpha': [float(r['alpha']) for r in rows]}))


if __name__ == '__main__':
    if sys.argv[1] == '--time':
        time_folder(sys.argv[2], plain='--plain' in sys.argv[3:])
        sys.exit(0)
    r, _ = details(np.load(sys.argv[1]), mp=True)
    for k, v in r.items():
        print(f'{k:>20} {v}')
