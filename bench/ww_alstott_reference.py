#!/usr/bin/env python3
"""powerlaw 1.5's Fit (Jeff Alstott's `powerlaw` package, the one WeightWatcher 0.7.5 calls with
pl_package='powerlaw'), re-derived for the continuous case with numpy/scipy and mpmath (which
powerlaw itself uses for the incomplete gamma function) for bench/ww_reference.py.

WeightWatcher runs this package for fix_fingers='xmin_peak', fit='TPL'/'E_TPL' and xmax='force',
and for every clipped power-law fit of fix_fingers='clip_xmax' combined with those (WW_powerlaw.pl_fit: powerlaw.Fit(data, xmin=xmin, xmax=xmax, xmin_distribution=distribution)).
Followed step by step: Fit.__init__ (xmax trim, sort, fitting CDF), Fit.find_xmin (unique candidate
xmins inside the xmin range, the last one dropped, first minimum of D among the in-range fits),
Power_Law.fit (closed form without xmax, scipy.optimize.fmin with it), Truncated_Power_Law
(Distribution.fit: fmin from (1 + n/Σ ln(x/xmin), 1/mean x)), Distribution.pdf/cdf/KS with their
sentinels (1e-307 likelihoods outside the parameter range, a CDF of ones when cdf(xmin) = 1), and
Fit.__getattr__('truncated_power_law') (the TPL fitted at a finished power-law Fit's xmin).
"""
import sys

import mpmath
import numpy as np
from scipy.optimize import fmin

TINY = 10 ** sys.float_info.min_10_exp  # 1e-307, powerlaw's floor for a zero likelihood


class Dist:
    """A power law ('power_law', parameters (alpha,)) or truncated power law ('truncated_power_law',
    parameters (alpha, Lambda)) on [xmin, xmax] (xmax None: unbounded)."""

    def __init__(self, kind, xmin, xmax):
        self.kind, self.xmin, self.xmax = kind, xmin, xmax
        self.alpha, self.Lambda = np.nan, np.nan

    def set(self, params):
        self.alpha = params[0]
        if self.kind == 'truncated_power_law':
            self.Lambda = params[1]

    def in_range(self):
        if self.kind == 'power_law':
            return bool(self.alpha > 1)
        return bool(self.Lambda > 0 and self.alpha > 1)

    def base_cdf(self, x):
        if self.kind == 'power_law':
            return 1 - (x / self.xmin) ** (-self.alpha + 1)
        g = np.vectorize(mpmath.gammainc)(1 - self.alpha, self.Lambda * np.asarray(x, dtype=float))
        return 1 - g.astype('float') / self.Lambda ** (1 - self.alpha)

    def trim(self, data):
        data = data[data >= self.xmin] if self.xmin else data
        return data[data <= self.xmax] if self.xmax else data

    def pdf(self, data):
        data = self.trim(data)
        if not self.in_range():
            return np.tile(TINY, len(data))
        if self.kind == 'power_law':
            likelihoods = data ** -self.alpha * ((self.alpha - 1) * self.xmin ** (self.alpha - 1))
        else:
            C = self.Lambda ** (1 - self.alpha) / float(mpmath.gammainc(1 - self.alpha, self.Lambda * self.xmin))
            likelihoods = data ** (-self.alpha) * np.exp(-self.Lambda * data) * C
        likelihoods[likelihoods == 0] = TINY
        return likelihoods

    def cdf(self, data):
        data = self.trim(data)
        if not self.in_range():
            return np.tile(TINY, len(data))
        cdf_xmin = self.base_cdf(self.xmin)
        if cdf_xmin == 1:
            return np.ones(len(data))
        CDF = self.base_cdf(data) - cdf_xmin
        norm = 1 - cdf_xmin
        if self.xmax:
            norm = norm - (1 - self.base_cdf(self.xmax))
        return CDF / norm

    def fit(self, data):
        """Distribution.fit: scipy's fmin on −Σ ln pdf (Python's sum, left to right)."""
        def nll(params):
            self.set(params)
            return -sum(np.log(self.pdf(data)))
        if self.kind == 'power_law':
            x0 = 1 + len(data) / np.sum(np.log(data / self.xmin))
        else:
            x0 = (1 + len(data) / np.sum(np.log(data / self.xmin)), 1 / np.mean(data))
        params = fmin(nll, x0, full_output=1, disp=False)[0]
        self.set(params)

    def KS(self, bins_all, cdf_all):
        bins, actual = bins_all[bins_all >= self.xmin], cdf_all[bins_all >= self.xmin]
        dropped = actual[0]
        actual = (actual - dropped) / (1 - dropped)
        diff = self.cdf(bins) - actual
        return max(diff.max(), -1.0 * diff.min())


def empirical_cdf(data):
    """powerlaw.cdf(data): the unique sorted values and the fraction of the data below each."""
    n = float(len(data))
    if not any(data[:-1] == data[1:]):
        return data, np.arange(n) / n
    CDF = np.searchsorted(data, data, side='left') / n
    unique, idx = np.unique(data, return_index=True)
    return unique, CDF[idx]


def fit_at(kind, data, xmin, xmax, bins, cdf_all):
    """One candidate of Fit.find_xmin: (D, alpha, sigma, in_range, Lambda)."""
    d = Dist(kind, xmin, xmax)
    tail = d.trim(data)
    if kind == 'power_law' and not xmax:
        d.alpha = 1 + (len(tail) / np.sum(np.log(tail / xmin)))
        if not d.in_range():
            d.fit(tail)
    else:
        d.fit(tail)
    D = d.KS(bins, cdf_all) if len(tail) >= 2 else np.nan
    sigma = (d.alpha - 1) / np.sqrt(len(tail)) if kind == 'power_law' else np.nan
    return D, d.alpha, sigma, d.in_range(), d.Lambda


def alstott_fit(data, xmin_range=None, xmax=None, kind='power_law'):
    """powerlaw.Fit(data, xmin=xmin_range, xmax=xmax, xmin_distribution=kind) as WeightWatcher
    reads it: dict(alpha, Lambda, xmin, xmax, D, sigma), alpha NaN when no candidate is left."""
    data = np.asarray(data, dtype=float)
    if 0 in data:
        data = data[data > 0]
    if xmax:
        xmax = float(xmax)
        data = data[data <= xmax]
    data = np.sort(data)
    bins, cdf_all = empirical_cdf(data)
    possible = data
    if xmin_range:
        possible = data[(min(xmin_range) <= data) * (data <= max(xmin_range))]
    xmins = np.unique(possible)[:-1]
    if len(xmins) <= 0:
        return dict(alpha=np.nan, Lambda=np.nan, xmin=np.nan, xmax=xmax, D=np.nan, sigma=np.nan)
    fits = [fit_at(kind, data, x, xmax, bins, cdf_all) for x in xmins]
    Ds = np.array([f[0] for f in fits])
    good = np.array([f[3] for f in fits], dtype=bool)
    if good.all() or not good.any():
        i = np.argmin(Ds)
    else:
        i = np.ma.masked_array(Ds, mask=~good).argmin()
    D, alpha, sigma, _, Lambda = fits[i]
    return dict(alpha=alpha, Lambda=Lambda, xmin=xmins[i], xmax=xmax, D=D, sigma=sigma)


def truncated_power_law(data, xmin, xmax=None):
    """Fit(data, xmax=xmax).truncated_power_law once its xmin is set (Fit.__getattr__): a
    Truncated_Power_Law on the Fit's data (0 dropped, <= xmax, sorted, >= xmin), fitted by fmin as
    in Distribution.fit. dict(alpha, Lambda)."""
    data = np.asarray(data, dtype=float)
    if 0 in data:
        data = data[data > 0]
    if xmax:
        data = data[data <= float(xmax)]
    data = np.sort(data)
    data = data[data >= xmin]
    d = Dist('truncated_power_law', xmin, float(xmax) if xmax else None)
    d.fit(d.trim(data))
    return dict(alpha=d.alpha, Lambda=d.Lambda)
