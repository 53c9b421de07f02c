import type { Params, Values } from './types.js';

/**
 * The canonical text of a grid point: JSON with keys sorted, so `{ a: 1, b: 2 }` and
 * `{ b: 2, a: 1 }` are the same point in the store and in random-stream paths.
 * @example paramsKey({ d: 100, alpha: 2 }) // '{"alpha":2,"d":100}'
 */
export function paramsKey(params: Params): string {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(params).sort()) sorted[key] = params[key];
  return JSON.stringify(sorted);
}

/**
 * Trial values as JSON text; NaN, ±Infinity and −0 (which JSON cannot hold) become the strings
 * "NaN", "Infinity", "-Infinity" and "-0", so every double round-trips exactly.
 * @example decodeValues(encodeValues({ x: Infinity })).x // Infinity
 */
export function encodeValues(values: Values): string {
  return JSON.stringify(values, (_key, v: unknown) =>
    typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))
      ? Object.is(v, -0)
        ? '-0'
        : String(v)
      : v,
  );
}

/**
 * Inverse of {@link encodeValues}.
 * @example decodeValues('{"x":"NaN","y":[1,2]}') // { x: NaN, y: [1, 2] }
 */
export function decodeValues(text: string): Values {
  return JSON.parse(text, (_key, v: unknown) =>
    v === 'NaN' || v === 'Infinity' || v === '-Infinity' || v === '-0' ? Number(v) : v,
  ) as Values;
}

/**
 * A short readable label of a grid point, e.g. `model=ar1:0.5 alpha=2 lambda=0.1`.
 * @example pointLabel({ alpha: 2, lambda: 0.1 }) // 'alpha=2 lambda=0.1'
 */
export function pointLabel(params: Params, omit: readonly string[] = []): string {
  return Object.entries(params)
    .filter(([k]) => !omit.includes(k))
    .map(([k, v]) => `${k}=${typeof v === 'number' ? Number(v.toPrecision(6)) : v}`)
    .join(' ');
}
