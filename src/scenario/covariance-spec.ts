import { COVARIANCE_PARAMS, type Interval } from '../constraints.js';
import { ar1Covariance } from '../covariance/ar1.js';
import { dataCovariance } from '../covariance/data.js';
import { denseCovariance } from '../covariance/dense.js';
import { diagonalCovariance } from '../covariance/diagonal.js';
import type { CovarianceModel } from '../covariance/model.js';
import { powerLawCovariance } from '../covariance/powerlaw.js';
import { spikedCovariance } from '../covariance/spiked.js';
import { toeplitzCovariance } from '../covariance/toeplitz.js';
import { InvalidArgumentError } from '../errors.js';
import type { Matrix } from '../linalg/matrix.js';

/**
 * A covariance model as data: the one vocabulary of the CLI (`--cov`), the experiments and the
 * explorer. Written as a string by {@link formatCovarianceSpec} and read back by
 * {@link parseCovarianceSpec}.
 */
export type CovarianceSpec =
  | { kind: 'iso' }
  | { kind: 'ar1'; rho: number }
  | { kind: 'two-level'; ratio: number }
  | { kind: 'spiked'; theta: number; seed: number }
  | { kind: 'powerlaw'; exponent: number; seed?: number }
  | { kind: FileCovarianceKind; file: string };

/** The models defined by a file: variances, a dense Σ, autocovariances, or data rows. */
export type FileCovarianceKind = 'diag' | 'dense' | 'toeplitz' | 'data';

/** Every kind of {@link CovarianceSpec}. */
export type CovarianceKind = CovarianceSpec['kind'];

/** A numeric parameter of a covariance kind: its name in the spec and its constraint. */
export interface CovarianceParam {
  readonly name: string;
  readonly constraint: Interval;
  /** Whether the string may leave it out (it then takes its default). */
  readonly optional: boolean;
}

/** What a front end needs to offer a covariance kind: its parameters and where d may be ∞. */
export interface CovarianceKindInfo {
  readonly kind: CovarianceKind;
  /** Numeric parameters in the order the string writes them (`spiked:<theta>[:<seed>]`). */
  readonly params: readonly CovarianceParam[];
  /** Whether the model reads a file (`diag:<file>` …); its d then comes from the file. */
  readonly file: boolean;
  /** Whether d = ∞ is allowed (a spectral-symbol limit exists). */
  readonly infinite: boolean;
  /** How the string is written. */
  readonly syntax: string;
}

const param = (name: keyof typeof COVARIANCE_PARAMS, optional = false): CovarianceParam => ({
  name,
  constraint: COVARIANCE_PARAMS[name],
  optional,
});
const fileKind = (kind: FileCovarianceKind, what: string): CovarianceKindInfo => ({
  kind,
  params: [],
  file: true,
  infinite: kind === 'toeplitz',
  syntax: `${kind}:<${what}>`,
});

/** The covariance kinds, their parameters and constraints (the grammar as data). */
export const COVARIANCE_KINDS: Readonly<Record<CovarianceKind, CovarianceKindInfo>> = {
  iso: { kind: 'iso', params: [], file: false, infinite: true, syntax: 'iso' },
  ar1: { kind: 'ar1', params: [param('rho')], file: false, infinite: true, syntax: 'ar1:<rho>' },
  'two-level': {
    kind: 'two-level',
    params: [param('ratio')],
    file: false,
    infinite: false,
    syntax: 'two-level:<ratio>',
  },
  spiked: {
    kind: 'spiked',
    params: [param('theta'), param('seed', true)],
    file: false,
    infinite: false,
    syntax: 'spiked:<theta>[:<seed>]',
  },
  powerlaw: {
    kind: 'powerlaw',
    params: [param('exponent'), param('seed', true)],
    file: false,
    infinite: false,
    syntax: 'powerlaw:<exponent>[:<seed>]',
  },
  diag: fileKind('diag', 'file'),
  dense: fileKind('dense', 'file.npy'),
  toeplitz: fileKind('toeplitz', 'file'),
  data: fileKind('data', 'file'),
};

/** The model strings, for help texts and error messages. */
export const COVARIANCE_SYNTAX = Object.values(COVARIANCE_KINDS)
  .map((k) => k.syntax)
  .join(', ')
  .replace(/, ([^,]+)$/, ' or $1');

/**
 * Reads the files that file-based models name (the CLI reads from disk, the explorer from dropped
 * bytes).
 */
export interface CovarianceLoader {
  /** A 1-D sequence of numbers (variances, autocovariances). */
  vector(file: string): Float64Array;
  /** A 2-D matrix (a dense Σ, or data rows). */
  matrix(file: string): Matrix;
}

/**
 * Parses a covariance model string: `iso`, `ar1:<rho>`, `two-level:<ratio>`,
 * `spiked:<theta>[:<seed>]`, `powerlaw:<exponent>[:<seed>]`, `diag:<file>`, `dense:<file.npy>`,
 * `toeplitz:<file>`, `data:<file>` (the file is everything after the first colon). Parameters
 * are checked against {@link COVARIANCE_KINDS}.
 * @throws {InvalidArgumentError} naming `argument` and echoing the string.
 * @example parseCovarianceSpec('spiked:3:7') // { kind: 'spiked', theta: 3, seed: 7 }
 */
export function parseCovarianceSpec(text: string, argument = 'cov'): CovarianceSpec {
  const colon = text.indexOf(':');
  const kind = colon < 0 ? text : text.slice(0, colon);
  const rest = colon < 0 ? '' : text.slice(colon + 1);
  if (!Object.hasOwn(COVARIANCE_KINDS, kind))
    return fail(argument, `must be written ${COVARIANCE_SYNTAX}`, text);
  const info = COVARIANCE_KINDS[kind as CovarianceKind];
  if (info.file) {
    if (rest === '') fail(argument, `${kind} needs a file: ${info.syntax}`, text);
    return { kind: kind as FileCovarianceKind, file: rest };
  }
  const parts = rest === '' ? [] : rest.split(':');
  const required = info.params.filter((p) => !p.optional).length;
  if (parts.length < required || parts.length > info.params.length)
    fail(argument, `must be written ${COVARIANCE_SYNTAX}`, text);
  const values: Record<string, number> = {};
  parts.forEach((s, i) => {
    const p = info.params[i]!;
    values[p.name] = p.constraint.check(
      `${argument} (${kind} ${p.name})`,
      s.trim() === '' ? NaN : Number(s),
    );
  });
  switch (kind) {
    case 'iso':
      return { kind };
    case 'ar1':
      return { kind, rho: values.rho! };
    case 'two-level':
      return { kind, ratio: values.ratio! };
    case 'spiked':
      return { kind, theta: values.theta!, seed: values.seed ?? 0 };
    default:
      return values.seed === undefined
        ? { kind: 'powerlaw', exponent: values.exponent! }
        : { kind: 'powerlaw', exponent: values.exponent!, seed: values.seed };
  }
}

/**
 * The string of a spec, which {@link parseCovarianceSpec} reads back to an equal spec; default
 * parameters are left out (`spiked:3`, not `spiked:3:0`).
 * @example formatCovarianceSpec({ kind: 'ar1', rho: 0.5 }) // 'ar1:0.5'
 */
export function formatCovarianceSpec(spec: CovarianceSpec): string {
  switch (spec.kind) {
    case 'iso':
      return 'iso';
    case 'ar1':
      return `ar1:${spec.rho}`;
    case 'two-level':
      return `two-level:${spec.ratio}`;
    case 'spiked':
      return spec.seed === 0 ? `spiked:${spec.theta}` : `spiked:${spec.theta}:${spec.seed}`;
    case 'powerlaw':
      return spec.seed === undefined
        ? `powerlaw:${spec.exponent}`
        : `powerlaw:${spec.exponent}:${spec.seed}`;
    default:
      return `${spec.kind}:${spec.file}`;
  }
}

/**
 * A readable name for legends: `AR(1), ρ = 0.5`, `isotropic, Σ = I`.
 * @example covarianceTitle({ kind: 'two-level', ratio: 6 }) // 'diagonal, variances 1 and 6'
 */
export function covarianceTitle(spec: CovarianceSpec): string {
  switch (spec.kind) {
    case 'iso':
      return 'isotropic, Σ = I';
    case 'ar1':
      return `AR(1), ρ = ${spec.rho}`;
    case 'two-level':
      return `diagonal, variances 1 and ${spec.ratio}`;
    case 'spiked':
      return `spiked, θ = ${spec.theta}`;
    case 'powerlaw':
      return `power law, exponent ${spec.exponent}`;
    default:
      return formatCovarianceSpec(spec);
  }
}

/**
 * Builds the model a spec describes. `d` is required for the parametric kinds (an integer, or
 * `Infinity` where {@link COVARIANCE_KINDS} allows it); toeplitz takes the sequence length by
 * default; the other file-based models take d from the file, and a given d must agree.
 * @throws {InvalidArgumentError} naming 'd' or the model's parameter; loader errors pass through.
 * @example buildCovariance(parseCovarianceSpec('ar1:0.5'), Infinity, loader)
 */
export function buildCovariance(
  spec: CovarianceSpec,
  d: number | undefined,
  load: CovarianceLoader = NO_FILES,
): CovarianceModel {
  const info = COVARIANCE_KINDS[spec.kind];
  const need = (): number => {
    if (d === undefined)
      return fail(
        'd',
        `is required for ${spec.kind} models (an integer${info.infinite ? ' or inf' : ''})`,
      );
    if (!info.infinite && d === Infinity)
      return fail('d', `must be finite for ${spec.kind} models`, 'inf');
    return d;
  };
  const agree = (fileD: number, file: string) => {
    if (d !== undefined && d !== fileD)
      fail(
        'd',
        `must match the ${fileD} coordinates of ${file} (or be left out)`,
        d === Infinity ? 'inf' : d,
      );
  };
  const name = formatCovarianceSpec(spec);
  switch (spec.kind) {
    case 'iso':
      return ar1Covariance(0, need());
    case 'ar1':
      return ar1Covariance(spec.rho, need());
    case 'two-level': {
      // Variances 1 and `ratio` alternating, so every window of coordinates mixes both.
      const { ratio } = spec;
      return diagonalCovariance(
        Float64Array.from({ length: need() }, (_, i) => (i % 2 === 0 ? 1 : ratio)),
        name,
      );
    }
    case 'spiked':
      return spikedCovariance(spec.theta, need(), spec.seed);
    case 'powerlaw':
      return powerLawCovariance(spec.exponent, need(), spec.seed);
    case 'toeplitz':
      return toeplitzCovariance(load.vector(spec.file), d, name);
    case 'diag': {
      const values = load.vector(spec.file);
      agree(values.length, spec.file);
      return diagonalCovariance(values, name);
    }
    case 'dense': {
      const sigma = load.matrix(spec.file);
      agree(sigma.rows, spec.file);
      return denseCovariance(sigma, name);
    }
    case 'data': {
      const data = load.matrix(spec.file);
      agree(data.cols, spec.file);
      return dataCovariance(data, { name });
    }
  }
}

/** The loader of a context without files: every file model fails naming the file. */
export const NO_FILES: CovarianceLoader = {
  vector: (file) => fail('cov', 'cannot read files here', file),
  matrix: (file) => fail('cov', 'cannot read files here', file),
};

function fail(argument: string, requirement: string, value?: unknown): never {
  throw new InvalidArgumentError(argument, requirement, value);
}
