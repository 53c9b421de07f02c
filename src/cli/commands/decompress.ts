import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { interval } from '../../constraints.js';
import { InvalidArgumentError } from '../../errors.js';
import { decompress } from '../../free/decompress.js';
import { freeForm } from '../../free/free-form.js';
import { spectralFunctions } from '../../free/spectral-functions.js';
import { eigvalsh } from '../../linalg/api.js';
import { figureFormat } from '../figure-file.js';
import { loadMatrix, parseNumber } from '../inputs.js';
import { print, writePlot } from './decompress-report.js';
import { loadSquare, withFlagNames } from './estimation-flags.js';

const INTEGER = interval(1, Infinity, '[)', { integer: true });
const FINITE = interval(-Infinity, Infinity, '()');
const DEGREE = interval(0, 12, '[]', { integer: true });

/** Exit code of a decompression whose continuation failed (bad input exits 2, bugs 1). */
export const CONTINUATION_FAILED = 3;

interface DecompressFlags {
  eigs?: string;
  matrix?: string;
  size: string;
  degree?: string;
  support?: string;
  pade: string;
  json?: boolean;
  plot?: string;
}

/**
 * `rmtkit decompress (--eigs e.npy | --matrix A.npy) --size N`: free decompression
 * (docs/theory.md §14): the eigenvalue density of the N×N matrix whose random n_s×n_s principal
 * sub-matrices have the given spectrum, with its support, moments, log-det, tr A⁻¹ and condition
 * estimate. Bad input exits 2 naming the flag; a failed continuation prints the reason with its
 * residual and exits {@link CONTINUATION_FAILED} (3).
 * @example rmtkit decompress --eigs small.npy --size 32000 --json
 */
export function registerDecompress(program: Command): void {
  program
    .command('decompress')
    .description('free decompression: the spectral density of a larger matrix from a small one')
    .option('--eigs <file>', 'eigenvalues of the small matrix (.npy or CSV, any shape)')
    .option('--matrix <file>', 'the small symmetric matrix itself (diagonalised here)')
    .requiredOption('--size <n>', 'order N ≥ n_s of the matrix to decompress to')
    .option('--degree <k>', 'polynomial degree of the fit (default 10, at most ⌊2√n_s⌋)')
    .option('--support <a,b>', 'support of the density (default: detected and refined)')
    .option('--pade <p,q>', 'degrees of the Padé glue R = wP/Q', '0,1')
    .option('--plot <file>', 'draw the decompressed density to file.svg or file.png')
    .option('--json', 'print the result as JSON')
    .action(async (flags: DecompressFlags) => {
      const t0 = performance.now();
      const eigenvalues = readSpectrum(flags);
      const size = parseNumber('--size', flags.size, INTEGER);
      const degree =
        flags.degree === undefined ? undefined : parseNumber('--degree', flags.degree, INTEGER);
      const [padeP, padeQ] = pair('--pade', flags.pade, DEGREE);
      const support =
        flags.support === undefined ? undefined : pair('--support', flags.support, FINITE);
      const format = figureFormat('--plot', flags.plot);
      const names = {
        degree: '--degree',
        support: '--support',
        size: '--size',
        padeP: '--pade',
        padeQ: '--pade',
      };
      const fit = withFlagNames({ ...names, eigenvalues: flags.eigs ?? '--eigs' }, () =>
        freeForm(eigenvalues, { degree, padeP, padeQ, ...(support ? { support } : {}) }),
      );
      const d = withFlagNames(names, () => decompress(fit, size));
      const f = spectralFunctions(d);
      const seconds = (performance.now() - t0) / 1000;
      const report = {
        ok: d.ok,
        ...(d.reason === undefined ? {} : { reason: d.reason }),
        sampleSize: fit.size,
        size,
        degree: fit.degree,
        sampleSupport: fit.support,
        glueResidual: fit.glue.residual,
        support: d.support,
        missingMass: d.missingMass,
        moments: d.moments,
        expectedMoments: d.expectedMoments,
        characteristicResidual: d.residual,
        logdet: f.logdet,
        traceInverse: f.traceInverse,
        condition: f.condition,
        error: f.error,
        seconds,
        grid: d.ok ? Array.from(d.grid) : [],
        density: d.ok ? Array.from(d.density) : [],
      };
      if (flags.json) console.log(JSON.stringify(report));
      else print(report);
      if (!d.ok) {
        if (!flags.json) console.error(`rmtkit: decompression failed: ${d.reason}`);
        process.exitCode = CONTINUATION_FAILED;
        return;
      }
      if (flags.plot) await writePlot(flags.plot, format!, d.grid, d.density, fit.size, size);
    });
}

function readSpectrum(flags: DecompressFlags): Float64Array {
  if ((flags.eigs === undefined) === (flags.matrix === undefined))
    throw new InvalidArgumentError('--eigs', 'or --matrix must be given, not both or neither');
  if (flags.matrix !== undefined) return eigvalsh(loadSquare(flags.matrix, true));
  const values = Float64Array.from(loadMatrix(flags.eigs!).data);
  values.forEach((v, i) => {
    if (!Number.isFinite(v))
      throw new InvalidArgumentError('--eigs', `must be finite; entry ${i} is not`, v);
  });
  return values;
}

function pair(flag: string, text: string, range: typeof FINITE): [number, number] {
  const parts = text.split(',');
  if (parts.length !== 2) throw new InvalidArgumentError(flag, 'must be two numbers a,b', text);
  return [parseNumber(flag, parts[0]!, range), parseNumber(flag, parts[1]!, range)];
}
