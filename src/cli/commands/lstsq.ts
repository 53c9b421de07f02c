import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { InvalidArgumentError } from '../../errors.js';
import { writeNpy } from '../../io/index.js';
import { backend } from '../../linalg/backend.js';
import { parseSketch, SKETCH_SYNTAX } from '../../sketch/distribution.js';
import { LSTSQ_METHODS, type LstsqMethod, lstsq } from '../../sketch/lstsq.js';
import { SKETCH_PARAMS } from '../../sketch/params.js';
import type { PreconditionerKind } from '../../sketch/preconditioner.js';
import { loadRowsAndValues, parseNumber } from '../inputs.js';

/**
 * `rmtkit lstsq`: least squares min ‖A·x − b‖ by direct QR, sketch-and-solve or
 * sketch-and-precondition (docs/theory.md §12); reports the residual, the backward error, the
 * LSQR iterations, the condition estimate of the preconditioned matrix and the time.
 * @example rmtkit lstsq --data A.npy --rhs b.npy --method sketch-precondition --sketch saso:8 --json
 */
export function registerLstsq(program: Command): void {
  program
    .command('lstsq')
    .description('least squares min ‖Ax − b‖ for a tall A: direct QR or randomized (sketched)')
    .requiredOption('--data <file>', 'the matrix A (m×d, m ≥ d), .npy or CSV/TSV text')
    .requiredOption('--rhs <file>', 'the right-hand side b (m values), .npy or text')
    .option(`--method <name>`, LSTSQ_METHODS.join(' | '), 'sketch-precondition')
    .option('--sketch <name>', SKETCH_SYNTAX, 'saso:8')
    .option(
      '--embedding <number>',
      'sketch size l = ⌈embedding·d⌉ (default 2 to solve; to precondition, chosen from the shape)',
    )
    .option('--preconditioner <kind>', 'qr (Blendenpik) | svd (LSRN)', 'qr')
    .option('--tolerance <number>', 'target backward error of sketch-precondition', '1e-10')
    .option('--max-iterations <int>', 'LSQR iteration cap', '100')
    .option('--seed <int>', 'seed of the sketch', '0')
    .option('--out <file.npy>', 'write the solution x here')
    .option('--json', 'machine-readable output')
    .action(
      (options: {
        data: string;
        rhs: string;
        method: string;
        sketch: string;
        embedding?: string;
        preconditioner: string;
        tolerance: string;
        maxIterations: string;
        seed: string;
        out?: string;
        json?: boolean;
      }) => {
        if (!LSTSQ_METHODS.includes(options.method as LstsqMethod))
          throw new InvalidArgumentError(
            '--method',
            `must be one of ${LSTSQ_METHODS.join(', ')}`,
            options.method,
          );
        if (options.preconditioner !== 'qr' && options.preconditioner !== 'svd')
          throw new InvalidArgumentError(
            '--preconditioner',
            "must be 'qr' or 'svd'",
            options.preconditioner,
          );
        const settings = {
          method: options.method as LstsqMethod,
          sketch: parseSketch(options.sketch, '--sketch'),
          embedding:
            options.embedding === undefined
              ? undefined
              : parseNumber('--embedding', options.embedding, SKETCH_PARAMS.embedding),
          preconditioner: options.preconditioner as PreconditionerKind,
          tolerance: parseNumber('--tolerance', options.tolerance, SKETCH_PARAMS.tolerance),
          maxIterations: parseNumber(
            '--max-iterations',
            options.maxIterations,
            SKETCH_PARAMS.maxIterations,
          ),
          seed: parseNumber('--seed', options.seed, SKETCH_PARAMS.seed),
        };
        const { x: a, y: b } = loadRowsAndValues(options.data, '--rhs', options.rhs);
        const start = performance.now();
        const result = lstsq(a, b, settings);
        const seconds = (performance.now() - start) / 1000;
        if (options.out) writeNpy(options.out, result.x);
        const { x: _x, ...fields } = result;
        const report = {
          m: a.rows,
          d: a.cols,
          ...fields,
          backend: backend(),
          seconds,
          ...(options.out ? { out: options.out } : {}),
        };
        if (options.json) {
          console.log(JSON.stringify(report));
          return;
        }
        console.log(
          `Least squares on ${options.data} (${a.rows}×${a.cols}), method ${result.method}${result.sketch ? `, sketch ${result.sketch} with l = ${result.sketchSize} rows` : ''}`,
        );
        console.log(`  residual ‖b − Ax‖       ${result.residualNorm.toPrecision(8)}`);
        console.log(
          `  backward error          ${result.backwardError.toExponential(2)}${result.converged ? '' : ' (target not reached)'}`,
        );
        if (result.method === 'sketch-precondition')
          console.log(
            `  LSQR iterations         ${result.iterations}, cond(A·R⁻¹) ≈ ${result.conditionEstimate?.toFixed(2)}`,
          );
        if (result.matrixConditionEstimate !== undefined)
          console.log(
            `  cond(A) ≈               ${result.matrixConditionEstimate.toExponential(2)} (from the sketch)`,
          );
        console.log(
          `  ${backend()} backend, ${seconds.toFixed(3)} s${options.out ? `; x written to ${options.out}` : ''}`,
        );
      },
    );
}
