import { SSR_PARAMS } from '../ssr/params.js';

/**
 * Reads a dimension as written on the command line or in a link: `inf`, `infinity` or `∞` (any
 * case) for the d → ∞ limit, otherwise an integer d ≥ 2.
 * @throws {InvalidArgumentError} naming `argument`.
 * @example parseDimension('inf') // Infinity
 */
export function parseDimension(text: string, argument = 'd'): number {
  if (/^(inf|infinity|∞)$/i.test(text.trim())) return Infinity;
  const d = text.trim() === '' ? NaN : Number(text);
  return SSR_PARAMS.d.check(argument, d);
}
