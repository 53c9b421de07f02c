import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { DataFormatError, InvalidArgumentError } from '../../errors.js';
import { writeNpy } from '../../io/index.js';
import { backend } from '../../linalg/backend.js';
import { fitSsrInPlace } from '../../ssr/estimator.js';
import { SSR_PARAMS } from '../../ssr/params.js';
import { loadMatrix, parseNumber } from '../inputs.js';
import { float64Bytes, requireMemory } from '../limits.js';

/**
 * `rmtkit fit`: fits masked SSR on a data file (rows = samples) and reports the training error
 * and, with `--test`, the held-out error; `--out` saves Â as `.npy`.
 * @example rmtkit fit --data X.npy --lambda 0.1 --test Xtest.npy --json
 */
export function registerFit(program: Command): void {
  program
    .command('fit')
    .description(
      'fit masked self-supervised regression Â = I − Q diag(Q)⁻¹ on a data file (rows = samples)',
    )
    .requiredOption(
      '--data <file>',
      'training data, .npy (2-D) or CSV/TSV text, one sample per row',
    )
    .requiredOption(
      '--lambda <number>',
      `ridge λ (${SSR_PARAMS.lambda.describe().replace('must be ', '')}; 0 = ridgeless limit)`,
    )
    .option('--test <file>', 'held-out data with the same columns: report the test error')
    .option('--out <file.npy>', 'write Â (d×d) to this .npy file')
    .option('--no-centre', 'do not centre the columns (default: centre with the training means)')
    .option('--json', 'machine-readable output')
    .action(
      async (options: {
        data: string;
        lambda: string;
        test?: string;
        out?: string;
        centre: boolean;
        json?: boolean;
      }) => {
        const lambda = parseNumber('--lambda', options.lambda, SSR_PARAMS.lambda);
        const x = loadMatrix(options.data);
        requireMemory(
          '--data',
          options.data,
          float64Bytes(x.rows * x.cols, 2 * x.cols * x.cols),
          `masked SSR on ${x.rows}×${x.cols} data (the data and two ${x.cols}×${x.cols} matrices)`,
        );
        const test = options.test === undefined ? undefined : loadMatrix(options.test);
        if (test && test.cols !== x.cols)
          throw new DataFormatError(
            options.test!,
            '',
            `has ${test.cols} columns; the training data has ${x.cols}`,
          );
        const start = performance.now();
        // Synchronous, centring the loaded data in place: nothing else runs in this process
        // meanwhile, and the asynchronous kernels would copy X and Σ̂ (docs/ssr.md, "Memory").
        const fit = fitSsrInPlace(x, { lambda, centre: options.centre });
        const seconds = (performance.now() - start) / 1000;
        const testError = test ? fit.testError(test) : undefined;
        if (
          !Number.isFinite(fit.trainError) ||
          (testError !== undefined && !Number.isFinite(testError))
        )
          throw new InvalidArgumentError(
            '--lambda',
            'is too extreme for double precision on this data (the errors overflow)',
            lambda,
          );
        if (options.out) writeNpy(options.out, fit.A);
        const result = {
          n: fit.n,
          d: fit.d,
          lambda,
          centred: fit.centred,
          regime: fit.regime,
          trainError: fit.trainError,
          ...(testError === undefined ? {} : { testError }),
          backend: backend(),
          seconds,
          ...(options.out ? { out: options.out } : {}),
        };
        if (options.json) {
          console.log(JSON.stringify(result));
          return;
        }
        console.log(
          `Masked SSR on ${options.data}: n = ${fit.n} samples, d = ${fit.d} coordinates, λ = ${lambda} (${fit.regime}), columns ${fit.centred ? 'centred' : 'not centred'}`,
        );
        console.log(
          `  training error  ${fmt(fit.trainError)}   mean squared error per coordinate, in the data's squared units`,
        );
        if (testError !== undefined)
          console.log(
            `  test error      ${fmt(testError)}   same, on ${test!.rows} held-out rows of ${options.test}`,
          );
        console.log(
          `  ${backend()} backend, ${seconds.toFixed(3)} s${options.out ? `; Â written to ${options.out}` : ''}`,
        );
      },
    );
}

function fmt(v: number): string {
  return Number.isFinite(v) ? v.toPrecision(6) : String(v);
}
