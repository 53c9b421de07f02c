import { InvalidArgumentError } from '../../errors.js';

/**
 * Validates a finite discrete law given as atoms and weights: finite atoms (≥ `min` when given,
 * > `min` when `strict`), weights > 0 summing to 1 within 1e-9.
 * @throws {InvalidArgumentError} naming `valuesName` or `weightsName`, echoing the bad value.
 * @example checkDiscrete([1, 3], [0.5, 0.5], 'values', 'weights') // passes
 */
export function checkDiscrete(
  values: readonly number[],
  weights: readonly number[],
  valuesName: string,
  weightsName: string,
  min = -Infinity,
  strict = false,
): void {
  if (values.length === 0)
    throw new InvalidArgumentError(valuesName, 'must hold at least one atom');
  values.forEach((v, j) => {
    if (!Number.isFinite(v) || v < min || (strict && v === min))
      throw new InvalidArgumentError(
        valuesName,
        `must be finite and ${strict ? '>' : '≥'} ${min}; entry ${j} is not`,
        v,
      );
  });
  if (weights.length !== values.length)
    throw new InvalidArgumentError(
      weightsName,
      `must have ${values.length} entries`,
      weights.length,
    );
  let sum = 0;
  weights.forEach((w, j) => {
    if (!(w > 0) || !Number.isFinite(w))
      throw new InvalidArgumentError(weightsName, `must be finite and > 0; entry ${j} is not`, w);
    sum += w;
  });
  if (Math.abs(sum - 1) > 1e-9) throw new InvalidArgumentError(weightsName, 'must sum to 1', sum);
}

/** Sizes n_k ≥ 0 summing to n, n_k ≈ w_k·n (largest remainders). */
export function splitCount(weights: readonly number[], n: number): number[] {
  const raw = weights.map((w) => w * n);
  const counts = raw.map(Math.floor);
  let left = n - counts.reduce((s, c) => s + c, 0);
  const order = raw.map((r, k) => [r - Math.floor(r), k] as const).sort((p, q) => q[0] - p[0]);
  for (const [, k] of order) if (left-- > 0) counts[k]! += 1;
  return counts;
}

/**
 * Flattens a discrete law into a parameter record: {prefix0, weight0, prefix1, weight1, …}.
 * @example discreteParameters('value', [1, 3], [0.5, 0.5]) // { value0: 1, weight0: 0.5, value1: 3, weight1: 0.5 }
 */
export function discreteParameters(
  prefix: string,
  values: readonly number[],
  weights: readonly number[],
): Record<string, number> {
  const out: Record<string, number> = {};
  values.forEach((v, k) => {
    out[`${prefix}${k}`] = v;
    out[`weight${k}`] = weights[k]!;
  });
  return out;
}
