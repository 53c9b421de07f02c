import { InvalidArgumentError } from '../errors.js';

export { logLogSlope } from '../stats/log-log-slope.js';

/**
 * Spearman rank correlation ρ of two samples (average ranks for ties), used to check that the
 * excess risk rises with ε_s (docs/theory.md §16.7).
 * @throws {InvalidArgumentError} naming 'x' when fewer than two points or the lengths differ.
 * @example spearman([1, 2, 3], [10, 30, 20]) // 0.5
 */
export function spearman(x: readonly number[], y: readonly number[]): number {
  if (x.length < 2 || x.length !== y.length)
    throw new InvalidArgumentError('x', 'must hold ≥ 2 points, as many as y', x.length);
  const rx = ranks(x);
  const ry = ranks(y);
  const m = (x.length + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (rx[i]! - m) * (ry[i]! - m);
    sxx += (rx[i]! - m) ** 2;
    syy += (ry[i]! - m) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

function ranks(v: readonly number[]): number[] {
  const order = v.map((value, i) => ({ value, i })).sort((a, b) => a.value - b.value);
  const out = new Array<number>(v.length);
  for (let k = 0; k < order.length; ) {
    let end = k;
    while (end + 1 < order.length && order[end + 1]!.value === order[k]!.value) end++;
    for (let j = k; j <= end; j++) out[order[j]!.i] = (k + end) / 2 + 1;
    k = end + 1;
  }
  return out;
}
