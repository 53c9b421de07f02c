/**
 * The error function erf(x) = (2/√π)∫₀ˣ e^{−t²}dt to about 1e-16 relative: the all-positive
 * series (2/√π)e^{−x²}Σ 2ⁿx^{2n+1}/(2n+1)!! for |x| < 3 (no cancellation), and the continued
 * fraction of erfc beyond (docs/theory.md §15: the erf and GELU activations and the erf kernel).
 * @example erf(1) // 0.8427007929497149
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  if (a < 3) {
    const x2 = 2 * a * a;
    let term = a;
    let sum = a;
    for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
      term *= x2 / (2 * n + 1);
      sum += term;
    }
    const value = (2 / Math.sqrt(Math.PI)) * Math.exp(-a * a) * sum;
    return x < 0 ? -value : value;
  }
  const value = 1 - erfcLarge(a);
  return x < 0 ? -value : value;
}

/**
 * The complementary error function 1 − erf(x), accurate in the tail (x ≥ 3: continued fraction).
 * @example erfc(5) // 1.5374597944280349e-12
 */
export function erfc(x: number): number {
  return x >= 3 ? erfcLarge(x) : 1 - erf(x);
}

/** erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) for x ≥ 3, backward. */
function erfcLarge(x: number): number {
  if (x > 27) return 0;
  let tail = x;
  for (let k = 80; k >= 1; k--) tail = x + k / 2 / tail;
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * tail);
}
