import { readFileSync } from 'node:fs';
import { Matrix } from '../../src/linalg/matrix.js';

/** Shape and C-order values of each fixture, written by test/fixtures/io_fixtures.py. */
export interface Expected {
  shape: number[];
  values: number[];
  header?: string[];
}

export const FIXTURES = new URL('../fixtures/io/', import.meta.url);
export const fixturePath = (name: string): string => new URL(name, FIXTURES).pathname;
export const expected = JSON.parse(readFileSync(fixturePath('expected.json'), 'utf8')) as Record<
  string,
  Expected & Record<string, Expected>
>;

/** Values as a plain array, so deepStrictEqual compares with Object.is (−0 ≠ 0, bit-exact). */
export function values(x: Float64Array | Matrix): number[] {
  return Array.from(x instanceof Matrix ? x.data : x);
}
