import { InvalidArgumentError } from '../../errors.js';
import type { Matrix } from '../../linalg/matrix.js';
import { ar1Covariance } from './ar1.js';
import { COVARIANCE_PARAMS, type Interval } from '../../constraints.js';
import { dataCovariance } from './data.js';
import { denseCovariance } from './dense.js';
import { diagonalCovariance } from './diagonal.js';
import type { CovarianceModel } from './model.js';
import { powerLawCovariance } from './powerlaw.js';
import { spikedCovariance } from './spiked.js';
import { toeplitzCovariance } from './toeplitz.js';

/** A parsed model string (see {@link parseCovarianceSpec}). */
export type CovarianceSpec =
  | { kind: 'ar1'; rho: number }
  | { kind: 'spiked'; theta: number; seed: number }
  | { kind: 'powerlaw'; exponent: number; seed?: number }
  | { kind: 'diag' | 'dense' | 'toeplitz' | 'data'; file: string };

/** Reads the files that file-based models name (the CLI passes the `io` readers). */
export interface CovarianceLoader {
  /** A 1-D sequence of numbers (variances, autocovariances). */
  vector(file: string): Float64Array;
  /** A 2-D matrix (a dense Σ, or data rows). */
  matrix(file: string): Matrix;
}

/** The model strings, for help texts and error messages. */
export const COVARIANCE_SYNTAX =
  'ar1:<rho>, spiked:<theta>[:<seed>], powerlaw:<exponent>[:<seed>], diag:<file>, dense:<file.npy>, toeplitz:<file> or data:<file>';

/**
 * Parses a covariance model string: `ar1:<rho>`, `spiked:<theta>[:<seed>]`,
 * `powerlaw:<exponent>[:<seed>]`, `diag:<file>`, `dense:<file.npy>`, `toeplitz:<file>`,
 * `data:<file>` (the file is everything after the first colon).
 * @throws {InvalidArgumentError} naming `argument` and echoing the string.
 * @example parseCovarianceSpec('spiked:3:7') // { kind: 'spiked', theta: 3, seed: 7 }
 */
export function parseCovarianceSpec(text: string, argument = 'cov'): CovarianceSpec {
  const colon = text.indexOf(':');
  const kind = colon < 0 ? text : text.slice(0, colon);
  const rest = colon < 0 ? '' : text.slice(colon + 1);
  const parts = rest === '' ? [] : rest.split(':');
  const num = (label: string, s: string | undefined, constraint: Interval) => {
    const v = s === undefined || s.trim() === '' ? NaN : Number(s);
    return constraint.check(`${argument} (${kind} ${label})`, v);
  };
  const arity = (lo: number, hi: number) => {
    if (parts.length < lo || parts.length > hi) fail(argument, `must be written ${COVARIANCE_SYNTAX}`, text);
  };
  switch (kind) {
    case 'ar1':
      arity(1, 1);
      return { kind, rho: num('rho', parts[0], COVARIANCE_PARAMS.rho) };
    case 'spiked':
      arity(1, 2);
      return { kind, theta: num('theta', parts[0], COVARIANCE_PARAMS.theta), seed: parts[1] === undefined ? 0 : num('seed', parts[1], COVARIANCE_PARAMS.seed) };
    case 'powerlaw': {
      arity(1, 2);
      const exponent = num('exponent', parts[0], COVARIANCE_PARAMS.exponent);
      return parts[1] === undefined ? { kind, exponent } : { kind, exponent, seed: num('seed', parts[1], COVARIANCE_PARAMS.seed) };
    }
    case 'diag':
    case 'dense':
    case 'toeplitz':
    case 'data':
      if (rest === '') fail(argument, `${kind} needs a file: ${kind}:<file>`, text);
      return { kind, file: rest };
    default:
      return fail(argument, `must be written ${COVARIANCE_SYNTAX}`, text);
  }
}

/**
 * Builds the model a spec describes. `d` is required for ar1 (an integer or `Infinity`), spiked
 * and powerlaw; toeplitz takes the sequence length by default and accepts `Infinity`; the
 * file-based models take d from the file, and a given d must agree.
 * @throws {InvalidArgumentError} naming 'd' or the model's parameter; loader errors pass through.
 * @example buildCovariance(parseCovarianceSpec('ar1:0.5'), Infinity, loader)
 */
export function buildCovariance(spec: CovarianceSpec, d: number | undefined, load: CovarianceLoader): CovarianceModel {
  const need = (finite: boolean): number => {
    if (d === undefined) return fail('d', `is required for ${spec.kind} models (an integer${finite ? '' : ' or inf'})`);
    if (finite && d === Infinity) return fail('d', `must be finite for ${spec.kind} models`, 'inf');
    return d;
  };
  const agree = (fileD: number, file: string) => {
    if (d !== undefined && d !== fileD) fail('d', `must match the ${fileD} coordinates of ${file} (or be left out)`, d === Infinity ? 'inf' : d);
  };
  switch (spec.kind) {
    case 'ar1':
      return ar1Covariance(spec.rho, need(false));
    case 'spiked':
      return spikedCovariance(spec.theta, need(true), spec.seed);
    case 'powerlaw':
      return powerLawCovariance(spec.exponent, need(true), spec.seed);
    case 'toeplitz':
      return toeplitzCovariance(load.vector(spec.file), d, `toeplitz:${spec.file}`);
    case 'diag': {
      const values = load.vector(spec.file);
      agree(values.length, spec.file);
      return diagonalCovariance(values, `diag:${spec.file}`);
    }
    case 'dense': {
      const sigma = load.matrix(spec.file);
      agree(sigma.rows, spec.file);
      return denseCovariance(sigma, `dense:${spec.file}`);
    }
    case 'data': {
      const data = load.matrix(spec.file);
      agree(data.cols, spec.file);
      return dataCovariance(data, { name: `data:${spec.file}` });
    }
  }
}

function fail(argument: string, requirement: string, value?: unknown): never {
  throw new InvalidArgumentError(argument, requirement, value);
}
