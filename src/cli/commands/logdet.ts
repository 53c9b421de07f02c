import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { logdetCholesky } from '../../estimate/logdet-cholesky.js';
import { slq } from '../../estimate/slq.js';
import { backend } from '../../linalg/backend.js';
import { denseOperator } from '../../operators/linear-operator.js';
import {
  addProbeFlags,
  checkPositiveDiagonal,
  estimateSettings,
  loadSquare,
  PROBE_FLAG_NAMES,
  type ProbeFlags,
  parseChoice,
  parseProbeFlags,
  percent,
  stopping,
  withFlagNames,
} from './estimation-flags.js';
import { productProgress, progressEnabled } from './estimation-progress.js';

/** The methods of `rmtkit logdet`. */
export const LOGDET_METHODS = ['exact', 'slq'] as const;

interface LogdetFlags extends ProbeFlags {
  method: string;
  json?: boolean;
}

/**
 * `rmtkit logdet FILE`: the log-determinant of a symmetric positive definite matrix, exactly from
 * its Cholesky factor (ln det A = 2 Σ ln L_ii) or by stochastic Lanczos quadrature of tr log A
 * with a standard error and a Student-t confidence interval (docs/theory.md §13). Non-square,
 * non-symmetric or not positive definite input exits 2 naming the file.
 * @example rmtkit logdet A.npy --method slq --min-probes 30 --lanczos-steps 30 --json
 */
export function registerLogdet(program: Command): void {
  const command = program
    .command('logdet')
    .description(
      'log-determinant of a symmetric positive definite matrix: exact (Cholesky) or stochastic Lanczos quadrature',
    )
    .argument('<file>', 'the matrix A (n×n, symmetric positive definite), .npy or CSV/TSV text')
    .option('--method <name>', LOGDET_METHODS.join(' | '), 'exact');
  addProbeFlags(command)
    .option('--json', 'machine-readable output')
    .action((file: string, flags: LogdetFlags) => {
      const method = parseChoice('--method', flags.method, LOGDET_METHODS);
      const settings = parseProbeFlags(flags);
      const a = loadSquare(file, true);
      checkPositiveDiagonal(file, a);
      const n = a.rows;
      const start = performance.now();
      let report: Record<string, unknown>;
      if (method === 'exact') {
        const { logAbsDet, sign } = withFlagNames({ a: file }, () => logdetCholesky(a));
        report = { file, n, method, logAbsDet, sign };
      } else {
        const { lanczosSteps, minProbes, maxProbes } = settings;
        const products = Math.ceil(maxProbes / minProbes) * lanczosSteps;
        const progress = productProgress(
          denseOperator(a, { symmetric: true, checkFinite: false }),
          products,
          'logdet (SLQ)',
          progressEnabled(flags.json),
        );
        let estimate: ReturnType<typeof slq>;
        try {
          estimate = withFlagNames({ op: file, ...PROBE_FLAG_NAMES }, () =>
            slq(progress.op, 'log', settings),
          );
        } finally {
          progress.stop();
        }
        const { value, ...rest } = estimate;
        report = {
          file,
          n,
          method,
          logAbsDet: value,
          sign: 1,
          ...rest,
          ...estimateSettings(settings),
        };
      }
      const seconds = (performance.now() - start) / 1000;
      Object.assign(report, { backend: backend(), seconds });
      if (flags.json) {
        console.log(JSON.stringify(report));
        return;
      }
      const r = report as {
        logAbsDet: number;
        sign: number;
        standardError?: number;
        interval?: [number, number];
        probes?: number;
        converged?: boolean;
      };
      if (method === 'exact') {
        console.log(`Log-determinant of ${file} (${n}×${n}), exact by Cholesky`);
        console.log(
          `  ln det A     ${r.logAbsDet.toPrecision(15)}   (sign ${r.sign > 0 ? '+1' : '−1'})`,
        );
      } else {
        console.log(
          `Log-determinant of ${file} (${n}×${n}) by stochastic Lanczos quadrature: ${r.probes} ${settings.probes} probes × ${settings.lanczosSteps} Lanczos steps, ${stopping(settings, r.converged === true)}`,
        );
        console.log(
          `  ln det A     ${r.logAbsDet.toPrecision(8)} ± ${r.standardError!.toPrecision(3)} (standard error)`,
        );
        console.log(
          `  ${percent(settings.confidence)} interval  [${r.interval![0].toPrecision(8)}, ${r.interval![1].toPrecision(8)}] (probe noise only, not the quadrature error)`,
        );
      }
      console.log(`  ${backend()} backend, ${seconds.toFixed(3)} s`);
    });
}
