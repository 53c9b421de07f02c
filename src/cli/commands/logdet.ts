import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { InvalidArgumentError } from '../../errors.js';
import { flodance } from '../../estimate/flodance.js';
import { LOGDET_STRUCTURES, logdet } from '../../estimate/logdet.js';
import { memdetLogdet } from '../../estimate/memdet.js';
import { parseByteSize } from '../../estimate/memdet-size.js';
import { slq } from '../../estimate/slq.js';
import { backend } from '../../linalg/backend.js';
import { denseOperator } from '../../operators/linear-operator.js';
import {
  addControlVariateFlag,
  addProbeFlags,
  checkPositiveDiagonal,
  controlTraces,
  estimateSettings,
  loadSquare,
  PROBE_FLAG_NAMES,
  type ProbeFlags,
  parseChoice,
  parseFlagNumber,
  parseProbeFlags,
  percent,
  stopping,
  withFlagNames,
} from './estimation-flags.js';
import { productProgress, progressEnabled } from './estimation-progress.js';

/** The methods of `rmtkit logdet`. */
export const LOGDET_METHODS = ['exact', 'slq', 'flodance', 'ooc'] as const;

/** How the exact method names its factorisations in the summary. */
const FACTORIZATION_NAMES = { cholesky: 'Cholesky', ldl: 'Bunch–Kaufman LDLᵀ', lu: 'LU' } as const;

interface LogdetFlags extends ProbeFlags {
  method: string;
  structure: string;
  fraction: string;
  maxMem?: string;
  scratch?: string;
  controlVariates: boolean;
  json?: boolean;
}

/**
 * `rmtkit logdet FILE`: the log-determinant of a square matrix with its sign, exactly from the
 * factorisation that `--structure` allows (Cholesky for SPD, Bunch–Kaufman LDLᵀ for symmetric,
 * LU for general; `auto` picks), or, for a symmetric positive definite matrix, by stochastic
 * Lanczos quadrature of tr log A with a standard error and a Student-t confidence interval
 * (docs/theory.md §13). Non-square input, non-symmetric input where symmetry is required and
 * input that is not positive definite for `--structure spd` or `--method slq` exit 2 naming the
 * file.
 * @example rmtkit logdet A.npy --method slq --min-probes 30 --lanczos-steps 30 --json
 */
export function registerLogdet(program: Command): void {
  const command = program
    .command('logdet')
    .description(
      'log-determinant and sign of a square matrix: exact (Cholesky, LDLᵀ or LU) or stochastic Lanczos quadrature (SPD)',
    )
    .argument('<file>', 'the matrix A (n×n; SPD for slq), .npy or CSV/TSV text')
    .option('--method <name>', LOGDET_METHODS.join(' | '), 'exact')
    .option(
      '--structure <kind>',
      `${LOGDET_STRUCTURES.join(' | ')}: the factorisation of --method exact (spd: Cholesky, symmetric: LDLᵀ, general: LU)`,
      'auto',
    )
    .option(
      '--fraction <f>',
      'flodance: share of n whose leading block is factored and extrapolated from, in (0, 1]',
      '0.1',
    )
    .option(
      '--max-mem <size>',
      'ooc: memory cap for the working tiles, e.g. 256MB or 2GB (1024-based)',
    )
    .option(
      '--scratch <dir>',
      'ooc: folder for the factor tiles and progress.json; rerun with it to resume',
    );
  addControlVariateFlag(addProbeFlags(command))
    .option('--json', 'machine-readable output')
    .action((file: string, flags: LogdetFlags) => {
      const method = parseChoice('--method', flags.method, LOGDET_METHODS);
      const structure = parseChoice('--structure', flags.structure, LOGDET_STRUCTURES);
      if (method !== 'exact' && structure !== 'auto' && structure !== 'spd')
        throw new InvalidArgumentError(
          '--structure',
          `must be auto or spd for --method ${method}, which needs a positive definite matrix`,
          structure,
        );
      if (method === 'ooc') {
        logdetOutOfCore(file, flags);
        return;
      }
      const settings = parseProbeFlags(flags);
      const spd = method !== 'exact' || structure === 'spd';
      const a = loadSquare(file, spd || structure === 'symmetric');
      if (spd) checkPositiveDiagonal(file, a);
      const n = a.rows;
      const start = performance.now();
      let report: Record<string, unknown>;
      if (method === 'exact') {
        const r = withFlagNames({ a: file }, () => logdet(a, { structure }));
        report = {
          file,
          n,
          method,
          structure,
          factorization: r.method,
          logAbsDet: r.logAbsDet,
          sign: r.sign,
        };
      } else if (method === 'flodance') {
        // docs/theory.md §13.8: one Cholesky of the leading block, extrapolated to n.
        const fraction = parseFlagNumber('--fraction', flags.fraction);
        const r = withFlagNames({ a: file, fraction: '--fraction' }, () =>
          flodance(a, { fraction }),
        );
        report = {
          file,
          n,
          method,
          fraction,
          m: r.m,
          logAbsDet: r.logAbsDet,
          sign: 1,
          standardError: r.standardError,
          windowEstimates: r.windowEstimates,
          basis: r.basis,
          coefficients: Array.from(r.coefficients),
          penalty: r.penalty,
        };
      } else {
        const { lanczosSteps, minProbes, maxProbes } = settings;
        const products = Math.ceil(maxProbes / minProbes) * lanczosSteps;
        const progress = productProgress(
          denseOperator(a, { symmetric: true, checkFinite: false }),
          products,
          'logdet (SLQ)',
          progressEnabled(flags.json),
        );
        const knownTraces = controlTraces(a, flags.controlVariates, lanczosSteps);
        let estimate: ReturnType<typeof slq>;
        try {
          estimate = withFlagNames({ op: file, ...PROBE_FLAG_NAMES }, () =>
            slq(progress.op, 'log', { ...settings, knownTraces }),
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
          controlVariates: knownTraces.length,
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
        factorization?: keyof typeof FACTORIZATION_NAMES;
        standardError?: number;
        interval?: [number, number];
        probes?: number;
        converged?: boolean;
      };
      if (method === 'exact') {
        console.log(
          `Log-determinant of ${file} (${n}×${n}), exact by ${FACTORIZATION_NAMES[r.factorization!]}`,
        );
        const sign = r.sign > 0 ? '+1' : r.sign < 0 ? '−1' : '0, A is singular';
        console.log(`  ln |det A|   ${r.logAbsDet.toPrecision(15)}   (sign ${sign})`);
      } else if (method === 'flodance') {
        const m = (report as { m: number }).m;
        console.log(
          `Log-determinant of ${file} (${n}×${n}) by FLODANCE: extrapolated from the leading ${m}×${m} block`,
        );
        console.log(
          `  ln det A     ${r.logAbsDet.toPrecision(8)} ± ${r.standardError!.toPrecision(3)} (spread over fit windows, not a sampling error)`,
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

/**
 * `rmtkit logdet FILE --method ooc --max-mem SIZE --scratch DIR`: the out-of-core blocked
 * Cholesky log-determinant of an SPD float64 `.npy` file (memdetLogdet), resumable from DIR.
 */
function logdetOutOfCore(file: string, flags: LogdetFlags): void {
  if (flags.maxMem === undefined)
    throw new InvalidArgumentError('--max-mem', 'is required for --method ooc (e.g. 256MB)');
  if (flags.scratch === undefined || flags.scratch === '')
    throw new InvalidArgumentError('--scratch', 'is required for --method ooc (a folder)');
  const maxMemory = parseByteSize('--max-mem', flags.maxMem);
  const scratch = flags.scratch;
  const verbose = progressEnabled(flags.json);
  const start = performance.now();
  const r = withFlagNames({ maxMemory: '--max-mem', scratch: '--scratch' }, () =>
    memdetLogdet(file, {
      maxMemory,
      scratch,
      onProgress: verbose
        ? (p) => process.stderr.write(`\rlogdet (out of core): block column ${p.step}/${p.steps}`)
        : undefined,
    }),
  );
  if (verbose) process.stderr.write('\n');
  const seconds = (performance.now() - start) / 1000;
  const report = {
    file,
    method: 'ooc',
    logAbsDet: r.logAbsDet,
    sign: r.sign,
    blocks: r.blocks,
    blockSize: r.blockSize,
    maxMemory,
    scratch,
    resumed: r.resumed,
    backend: backend(),
    seconds,
  };
  if (flags.json) {
    console.log(JSON.stringify(report));
    return;
  }
  console.log(
    `Log-determinant of ${file}, out-of-core blocked Cholesky: ${r.blocks}×${r.blocks} tiles of ${r.blockSize}${r.resumed ? ', resumed from the scratch folder' : ''}`,
  );
  console.log(`  ln |det A|   ${r.logAbsDet.toPrecision(15)}   (sign +1)`);
  console.log(`  ${backend()} backend, ${seconds.toFixed(3)} s`);
}
