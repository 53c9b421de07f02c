import { InvalidArgumentError } from '../errors.js';

const UNITS: Record<string, number> = {
  '': 1,
  B: 1,
  KB: 2 ** 10,
  K: 2 ** 10,
  KIB: 2 ** 10,
  MB: 2 ** 20,
  M: 2 ** 20,
  MIB: 2 ** 20,
  GB: 2 ** 30,
  G: 2 ** 30,
  GIB: 2 ** 30,
  TB: 2 ** 40,
  T: 2 ** 40,
  TIB: 2 ** 40,
};

/**
 * A byte count written as a number with an optional binary unit: `256MB` = 256·2²⁰, `2GB`,
 * `1.5G`, `65536`. Units are case-insensitive and 1024-based (KB, MB, GB, TB, also K/KiB…).
 * @throws {InvalidArgumentError} naming `name` when the text does not parse or is not positive.
 * @example parseByteSize('--max-mem', '256MB') // 268435456
 */
export function parseByteSize(name: string, text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)\s*$/i.exec(String(text));
  const unit = match ? UNITS[match[2]!.toUpperCase()] : undefined;
  const value = match && unit !== undefined ? Math.floor(Number(match[1]) * unit) : Number.NaN;
  if (!(value > 0))
    throw new InvalidArgumentError(name, 'must be a positive size such as 256MB or 2GB', text);
  return value;
}
