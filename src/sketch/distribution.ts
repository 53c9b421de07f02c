import { InvalidArgumentError } from '../errors.js';
import type { SketchDistribution, SketchKind } from './types.js';

/** Nonzeros per column of a `saso` sketch when the string says only `saso`. */
export const DEFAULT_VEC_NNZ = 8;

/** The sketch strings {@link parseSketch} accepts, for help texts and error messages. */
export const SKETCH_SYNTAX =
  'gaussian, uniform, rademacher, saso, saso:<vecNnz>, laso, laso:uniform, laso:leverage or srht';

const KINDS: readonly SketchKind[] = ['gaussian', 'uniform', 'rademacher', 'saso', 'laso', 'srht'];

/**
 * Parses a sketch string: `gaussian`, `uniform`, `rademacher`, `saso` (vecNnz = 8), `saso:K`,
 * `laso` (= `laso:uniform`), `laso:uniform`, `laso:leverage` or `srht`; surrounding spaces are
 * ignored. {@link formatSketch} writes the inverse.
 * @param argument the name in error messages (a CLI flag, a form field); default `sketch`.
 * @throws {InvalidArgumentError} naming `argument` and echoing the text, for an unknown string
 * or a `saso:K` whose K is not an integer ≥ 1.
 * @example parseSketch('saso:4') // { kind: 'saso', vecNnz: 4 }
 * @example parseSketch('laso:leverage') // { kind: 'laso', sampling: 'leverage' }
 */
export function parseSketch(text: string, argument = 'sketch'): SketchDistribution {
  const fail = (): never => {
    throw new InvalidArgumentError(argument, `must be one of ${SKETCH_SYNTAX}`, text);
  };
  if (typeof text !== 'string') return fail();
  const [kind = '', parameter, ...extra] = text.trim().split(':');
  if (extra.length > 0) return fail();
  switch (kind) {
    case 'gaussian':
    case 'uniform':
    case 'rademacher':
    case 'srht':
      return parameter === undefined ? { kind } : fail();
    case 'saso': {
      if (parameter === undefined) return { kind, vecNnz: DEFAULT_VEC_NNZ };
      const vecNnz = /^\s*\d+\s*$/.test(parameter) ? Number(parameter) : NaN;
      if (!Number.isSafeInteger(vecNnz) || vecNnz < 1)
        throw new InvalidArgumentError(argument, 'must be saso:K with an integer K ≥ 1', text);
      return { kind, vecNnz };
    }
    case 'laso':
      if (parameter === undefined || parameter === 'uniform') return { kind, sampling: 'uniform' };
      return parameter === 'leverage' ? { kind, sampling: 'leverage' } : fail();
    default:
      return fail();
  }
}

/**
 * The canonical string of a distribution, which {@link parseSketch} reads back to an equal one;
 * defaults are left out (`saso`, not `saso:8`; `laso`, not `laso:uniform`).
 * @throws {InvalidArgumentError} naming `distribution` when it is not a valid distribution.
 * @example formatSketch({ kind: 'saso', vecNnz: 2 }) // 'saso:2'
 */
export function formatSketch(distribution: SketchDistribution): string {
  const d = checkSketchDistribution(distribution);
  switch (d.kind) {
    case 'saso':
      return d.vecNnz === DEFAULT_VEC_NNZ ? 'saso' : `saso:${d.vecNnz}`;
    case 'laso':
      return d.sampling === 'uniform' ? 'laso' : 'laso:leverage';
    default:
      return d.kind;
  }
}

/**
 * Returns `distribution` when it is one of the {@link SketchDistribution} shapes with valid
 * parameters (saso: an integer vecNnz ≥ 1; laso: sampling `uniform` or `leverage`).
 * @throws {InvalidArgumentError} naming `argument` (default `distribution`, or
 * `distribution.vecNnz` / `distribution.sampling` for a bad parameter).
 * @example checkSketchDistribution({ kind: 'srht' })
 */
export function checkSketchDistribution(
  distribution: SketchDistribution,
  argument = 'distribution',
): SketchDistribution {
  const d = distribution as { kind?: unknown; vecNnz?: unknown; sampling?: unknown } | null;
  if (typeof d !== 'object' || d === null || !KINDS.includes(d.kind as SketchKind))
    throw new InvalidArgumentError(
      argument,
      `must have a kind among ${KINDS.join(', ')}`,
      d === null || typeof d !== 'object' ? String(d) : d.kind,
    );
  if (d.kind === 'saso' && !(Number.isSafeInteger(d.vecNnz) && (d.vecNnz as number) >= 1))
    throw new InvalidArgumentError(`${argument}.vecNnz`, 'must be an integer ≥ 1', d.vecNnz);
  if (d.kind === 'laso' && d.sampling !== 'uniform' && d.sampling !== 'leverage')
    throw new InvalidArgumentError(
      `${argument}.sampling`,
      "must be 'uniform' or 'leverage'",
      d.sampling,
    );
  return distribution;
}
