import { expSinh, tanhSinh } from '../rmt/laws/quadrature.js';

/** A truncated power law p(x) ∝ x^{−α} e^{−Λx} on x ≥ xmin, fitted by maximum likelihood. */
export interface TruncatedPowerLawFit {
  alpha: number;
  Lambda: number;
  /**
   * Standard errors of α and Λ from the inverse Fisher information Cov(ln y, y)⁻¹/n (0 on the Λ = 0
   * boundary).
   */
  alphaSigma: number;
  LambdaSigma: number;
  xmin: number;
  /** KS distance (same convention as the power-law fit). */
  D: number;
  n: number;
  /** Mean log-likelihood per point in units of xmin. */
  loglik: number;
  iterations: number;
  converged: boolean;
}

/**
 * Maximum-likelihood truncated power law on the points ≥ xmin (xmin from the power-law fit, as
 * WeightWatcher's fit='TPL' keeps it). In y = x/xmin the law is an exponential family with
 * statistics (ln y, y), so the MLE matches E[ln y] and E[y] to the sample means: Newton's method
 * with the Hessian −Cov(ln y, y) (concave: the optimum is unique), step-halved to keep Λ ≥ 0 and
 * the likelihood increasing. Moments are integrals over t = ln y ≥ 0 by double-exponential
 * quadrature. If the optimum lies on Λ = 0 the fit is the plain power law.
 * @example fitTruncatedPowerLaw(evals, fit.xmin, fit.alpha).Lambda
 */
export function fitTruncatedPowerLaw(
  data: ArrayLike<number>,
  xmin: number,
  startAlpha: number,
): TruncatedPowerLawFit {
  const y = Float64Array.from(data)
    .filter((v) => v >= xmin)
    .sort()
    .map((v) => v / xmin);
  const n = y.length;
  let meanLog = 0;
  let mean = 0;
  for (const v of y) {
    meanLog += Math.log(v) / n;
    mean += v / n;
  }
  const loglik = (alpha: number, lambda: number): number => {
    // A divergent normaliser (λ = 0, α ≤ 1) makes the quadrature fail: that point is rejected.
    try {
      return -alpha * meanLog - lambda * mean - moments(alpha, lambda).logZ;
    } catch {
      return -Infinity;
    }
  };
  let alpha = Number.isFinite(startAlpha) ? startAlpha : 2;
  let lambda = 1 / y[n - 1]!;
  let current = loglik(alpha, lambda);
  let iterations = 0;
  let converged = false;
  while (iterations < 100 && !converged) {
    iterations++;
    const m = moments(alpha, lambda);
    const g0 = m.logMean - meanLog;
    const g1 = m.mean - mean;
    // Newton step Cov⁻¹·g for the 2×2 covariance of (ln y, y).
    const det = m.varLog * m.var - m.cov * m.cov;
    let dAlpha = (m.var * g0 - m.cov * g1) / det;
    let dLambda = (m.varLog * g1 - m.cov * g0) / det;
    let step = 1;
    // Approach the boundary Λ = 0 geometrically: moments diverge on it.
    if (lambda + dLambda <= 0) step = (0.5 * lambda) / -dLambda;
    let next = loglik(alpha + step * dAlpha, lambda + step * dLambda);
    while (!(next >= current - 1e-15 * Math.abs(current)) && step > 1e-10) {
      step /= 2;
      next = loglik(alpha + step * dAlpha, lambda + step * dLambda);
    }
    dAlpha *= step;
    dLambda *= step;
    alpha += dAlpha;
    lambda += dLambda;
    current = next;
    converged =
      Math.abs(dAlpha) <= 1e-13 * (1 + Math.abs(alpha)) &&
      Math.abs(dLambda) <= 1e-13 * (lambda + 1 / y[n - 1]!);
    if (lambda < 1e-13 / y[n - 1]!) {
      // The optimum is on Λ = 0: the power law, whose MLE at this xmin is closed-form.
      lambda = 0;
      alpha = 1 + 1 / meanLog;
      current = -alpha * meanLog + Math.log(alpha - 1);
      converged = true;
    }
  }
  let alphaSigma = 0;
  let lambdaSigma = 0;
  if (lambda > 0) {
    const m = moments(alpha, lambda);
    const det = m.varLog * m.var - m.cov * m.cov;
    alphaSigma = Math.sqrt(m.var / det / n);
    lambdaSigma = Math.sqrt(m.varLog / det / n) / xmin;
  }
  return {
    alpha,
    Lambda: lambda / xmin,
    alphaSigma,
    LambdaSigma: lambdaSigma,
    xmin,
    D: ksDistance(y, alpha, lambda),
    n,
    loglik: current,
    iterations,
    converged,
  };
}

interface Moments {
  logZ: number;
  logMean: number;
  mean: number;
  varLog: number;
  var: number;
  cov: number;
}

/** ln Z and the first two moments of (t = ln y, y) under y^{−α}e^{−λy}, y ≥ 1. */
function moments(alpha: number, lambda: number): Moments {
  const z = logIntegral(alpha, lambda, 0, 0);
  const ratio = (k: number, j: number): number => Math.exp(logIntegral(alpha, lambda, k, j) - z);
  const e1 = ratio(0, 1);
  const e2 = ratio(1, 0);
  return {
    logZ: z,
    logMean: e1,
    mean: e2,
    varLog: ratio(0, 2) - e1 * e1,
    var: ratio(2, 0) - e2 * e2,
    cov: ratio(1, 1) - e1 * e2,
  };
}

/**
 * ln ∫₀^∞ t^j e^{(1−α+k)t − λe^t} dt (the moments of y = e^t and t). The integrand peaks near
 * t* = ln((1−α+k)/λ) when the rate is positive: integrate up to and beyond it separately
 * (tanh–sinh, exp–sinh), relative to the exponent at t*, so a peak far from 0 is resolved and
 * nothing overflows.
 */
function logIntegral(alpha: number, lambda: number, k: number, j: number): number {
  const rate = 1 - alpha + k;
  const peak = rate > 0 && lambda > 0 ? Math.max(0, Math.log(rate / lambda)) : 0;
  const exponent = (t: number): number => rate * t - (lambda > 0 ? lambda * Math.exp(t) : 0);
  const shift = exponent(peak);
  const f = (t: number): number => {
    const e = exponent(t) - shift;
    return e < -745 ? 0 : t ** j * Math.exp(e);
  };
  const total =
    (peak > 0 ? tanhSinh(f, 0, peak, { tol: 1e-13 }) : 0) + expSinh(f, peak, { tol: 1e-13 });
  return Math.log(total) + shift;
}

/** max_k |F(y_k) − k/n| with F(y) = ∫₁^y u^{−α}e^{−λu}du / Z, integrated gap by gap in ln u. */
function ksDistance(y: Float64Array, alpha: number, lambda: number): number {
  const w = (t: number): number =>
    Math.exp((1 - alpha) * t - (lambda > 0 ? lambda * (Math.exp(t) - 1) : 0));
  const z = expSinh(w, 0, { tol: 1e-13 });
  const n = y.length;
  let cumulative = 0;
  let D = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0) cumulative += tanhSinh(w, Math.log(y[k - 1]!), Math.log(y[k]!), { tol: 1e-13 });
    D = Math.max(D, Math.abs(cumulative / z - k / n));
  }
  return D;
}
