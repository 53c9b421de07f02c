import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { writeNpy } from '../../io/index.js';
import { backend } from '../../linalg/backend.js';
import { parseSketch, SKETCH_SYNTAX } from '../../sketch/distribution.js';
import { SKETCH_PARAMS } from '../../sketch/params.js';
import { rsvd } from '../../sketch/rsvd.js';
import { loadMatrix, parseNumber } from '../inputs.js';

/**
 * `rmtkit rsvd`: randomized truncated SVD (docs/theory.md §12); prints the singular values, the
 * relative Frobenius error ‖A − UΣVᵀ‖_F/‖A‖_F (exact: UΣVᵀ is an orthogonal projection of A) and
 * the time; `--out P` writes P.u.npy, P.s.npy and P.vt.npy.
 * @example rmtkit rsvd --data A.npy --rank 50 --oversample 10 --power 2 --json
 */
export function registerRsvd(program: Command): void {
  program
    .command('rsvd')
    .description('randomized truncated SVD A ≈ U diag(s) Vᵀ of rank k')
    .requiredOption('--data <file>', 'the matrix A, .npy or CSV/TSV text')
    .requiredOption('--rank <k>', 'the rank k (≤ min(m, n))')
    .option('--oversample <p>', 'extra test vectors p', '10')
    .option('--power <q>', 'power (subspace) iterations q', '2')
    .option('--sketch <name>', SKETCH_SYNTAX, 'gaussian')
    .option('--seed <int>', 'seed of the test matrix', '0')
    .option('--out <prefix>', 'write <prefix>.u.npy, <prefix>.s.npy, <prefix>.vt.npy')
    .option('--json', 'machine-readable output')
    .action(
      (options: {
        data: string;
        rank: string;
        oversample: string;
        power: string;
        sketch: string;
        seed: string;
        out?: string;
        json?: boolean;
      }) => {
        const rank = parseNumber('--rank', options.rank, SKETCH_PARAMS.rank);
        const oversample = parseNumber(
          '--oversample',
          options.oversample,
          SKETCH_PARAMS.oversample,
        );
        const power = parseNumber('--power', options.power, SKETCH_PARAMS.power);
        const seed = parseNumber('--seed', options.seed, SKETCH_PARAMS.seed);
        const a = loadMatrix(options.data);
        const start = performance.now();
        const { u, s, vt } = rsvd(a, rank, {
          oversample,
          power,
          sketch: parseSketch(options.sketch, '--sketch'),
          seed,
        });
        const seconds = (performance.now() - start) / 1000;
        let total = 0;
        for (const v of a.data) total += v * v;
        let kept = 0;
        for (const v of s) kept += v * v;
        const relativeError = total === 0 ? 0 : Math.sqrt(Math.max(1 - kept / total, 0));
        if (options.out) {
          writeNpy(`${options.out}.u.npy`, u);
          writeNpy(`${options.out}.s.npy`, s);
          writeNpy(`${options.out}.vt.npy`, vt);
        }
        const report = {
          m: a.rows,
          n: a.cols,
          rank,
          oversample,
          power,
          sketch: options.sketch,
          singularValues: Array.from(s),
          relativeError,
          backend: backend(),
          seconds,
        };
        if (options.json) {
          console.log(JSON.stringify(report));
          return;
        }
        console.log(
          `Randomized SVD of ${options.data} (${a.rows}×${a.cols}): rank ${rank}, oversample ${oversample}, ${power} power iterations, ${options.sketch} test matrix`,
        );
        console.log(
          `  singular values  ${Array.from(s.slice(0, 8), (v) => v.toPrecision(5)).join(', ')}${s.length > 8 ? ', …' : ''}`,
        );
        console.log(`  ‖A − UΣVᵀ‖_F / ‖A‖_F = ${relativeError.toPrecision(4)}`);
        console.log(
          `  ${backend()} backend, ${seconds.toFixed(3)} s${options.out ? `; factors written to ${options.out}.{u,s,vt}.npy` : ''}`,
        );
      },
    );
}
