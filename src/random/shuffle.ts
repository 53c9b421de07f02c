import { InvalidArgumentError } from '../errors.js';

/** The one method sampling needs from a stream (avoids a circular import of RandomStream). */
interface IntSource {
  int(n: number): number;
}

const MAX_N = 2 ** 31 - 1;

/**
 * k distinct integers from 0…n−1 in random order: the first k steps of a forward Fisher–Yates
 * shuffle of [0, 1, …, n−1] (step t swaps slot t with a uniform slot in [t, n)). When k is small
 * against n the array is simulated with a map of the touched slots, so memory is O(k); both
 * storages make the same draws and give the same result.
 * @throws {InvalidArgumentError} naming 'n' or 'k' unless 0 ≤ k ≤ n < 2³¹ are integers.
 * @example choiceWithoutReplacement(randomStream(1), 10, 3) // e.g. Int32Array [7, 2, 9]
 */
export function choiceWithoutReplacement(source: IntSource, n: number, k: number): Int32Array {
  if (!Number.isInteger(n) || n < 0 || n > MAX_N)
    throw new InvalidArgumentError('n', 'must be an integer in [0, 2³¹)', n);
  if (!Number.isInteger(k) || k < 0 || k > n)
    throw new InvalidArgumentError('k', `must be an integer in [0, n = ${n}]`, k);
  const out = new Int32Array(k);
  if (4 * k >= n) {
    const slots = new Int32Array(n);
    for (let i = 0; i < n; i++) slots[i] = i;
    for (let t = 0; t < k; t++) {
      // The last slot has one candidate: no draw, so choice(n, n) and choice(n, n − 1) agree.
      const j = n - t > 1 ? t + source.int(n - t) : t;
      const picked = slots[j]!;
      slots[j] = slots[t]!;
      out[t] = picked;
    }
    return out;
  }
  const moved = new Map<number, number>();
  for (let t = 0; t < k; t++) {
    const j = n - t > 1 ? t + source.int(n - t) : t;
    const picked = moved.get(j) ?? j;
    moved.set(j, moved.get(t) ?? t);
    out[t] = picked;
  }
  return out;
}

/**
 * A uniformly random permutation of 0…n−1: {@link choiceWithoutReplacement} with k = n.
 * @throws {InvalidArgumentError} naming 'n' unless 0 ≤ n < 2³¹ is an integer.
 * @example permutation(randomStream(1), 4) // e.g. Int32Array [2, 0, 3, 1]
 */
export function permutation(source: IntSource, n: number): Int32Array {
  return choiceWithoutReplacement(source, n, n);
}
