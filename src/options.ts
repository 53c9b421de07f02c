import { InvalidArgumentError } from './errors.js';

/**
 * Checks an options object: it must be a plain object (or undefined, when `required` is false)
 * whose keys are all in `known`. A misspelt key, such as `center` for `centre`, would otherwise be
 * ignored without a word, so it is refused with the nearest known key as a hint.
 * @throws {InvalidArgumentError} naming `argument` (e.g. 'options') or the unknown key.
 * @example checkOptions({ centre: true, lambda: 1 }, ['lambda', 'centre'], 'options')
 */
export function checkOptions(
  options: unknown,
  known: readonly string[],
  argument = 'options',
  required = false,
): void {
  if (options === undefined && !required) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new InvalidArgumentError(
      argument,
      `must be an object with the keys ${known.join(', ')}`,
      options === undefined ? 'undefined' : JSON.stringify(options)?.slice(0, 60),
    );
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const hint = nearest(key, known);
    throw new InvalidArgumentError(
      key,
      `is not an option here (known: ${known.join(', ')})${hint ? `; did you mean '${hint}'?` : ''}`,
      JSON.stringify((options as Record<string, unknown>)[key])?.slice(0, 60),
    );
  }
}

/** The known key within edit distance 2 of `key` (case-insensitive), if any. */
function nearest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
}
