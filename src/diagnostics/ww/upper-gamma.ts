const EPS = Number.EPSILON;

/**
 * The upper incomplete gamma function Γ(a, z) = ∫_z^∞ t^{a−1} e^{−t} dt for a ≤ 0 and z > 0 (what
 * the truncated power law's normaliser needs: a = 1 − α with α > 1), to a few ulps; it overflows
 * to Infinity and underflows to 0 where the value leaves the double range, as mpmath's value
 * converted to float does. z ≥ 1: Legendre's continued fraction (modified Lentz); z < 1:
 * Γ(a, 1) plus ∫_z^1 termwise, with z^a factored out and each (z^{−a} − z^k)/(a + k) written as
 * z^k·expm1(−(a + k) ln z)/(a + k), so nothing cancels near a negative integer a.
 * @example upperGamma(-1.5, 2) // ≈ 0.0260
 */
export function upperGamma(a: number, z: number): number {
  return Math.exp(logUpperGamma(a, z));
}

function logUpperGamma(a: number, z: number): number {
  if (z >= 1) return a * Math.log(z) - z + Math.log(continuedFraction(a, z));
  const lnz = Math.log(z);
  // z^{−a}·Γ(a, 1), then the series for z^{−a}·∫_z^1 t^{a−1}e^{−t} dt.
  let bracket = Math.exp(-a * lnz + logUpperGamma(a, 1));
  let power = 1; // z^k / k!
  for (let k = 0; k < 200; k++) {
    if (k > 0) power *= -z / k;
    const s = a + k;
    const term = power * (s === 0 ? -lnz : Math.expm1(-s * lnz) / s);
    bracket += term;
    if (k > -a && Math.abs(term) <= EPS * Math.abs(bracket)) break;
  }
  return a * lnz + Math.log(bracket);
}

/**
 * 1/(z + 1 − a − 1·(1 − a)/(z + 3 − a − 2·(2 − a)/(z + 5 − a − …))), so Γ(a, z) = z^a e^{−z}·it.
 */
function continuedFraction(a: number, z: number): number {
  const tiny = 1e-300;
  let b = z + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPS) break;
  }
  return h;
}
