import { eigh, gram, matmul } from '../../linalg/api.js';
import { Matrix } from '../../linalg/matrix.js';
import type { RandomStream } from '../../random/stream.js';
import { sampleCount } from '../../scenario/ssr-trial.js';
import { fitSsr } from '../../ssr/estimator.js';
import { populationErrorInPlace } from '../../ssr/population-error.js';
import { realSet } from '../data/real-sets.js';
import { paramsKey } from '../keys.js';

/**
 * One real-data trial: SSR's test error, PCA's at each of the `steps` component counts, and SSR's
 * population error on the Gaussian surrogate.
 */
export type RealValues = { ssrTest: number; pcaTest: number[]; ssrGauss: number };

/**
 * One real-data trial: n = round(αd) rows drawn without replacement from the pool; SSR at λ
 * (no centring: the set is centred by the pool mean) scored on the test rows; PCA with
 * p = d·k/steps components (k = 1…steps) fitted on the same rows and scored on the test rows;
 * and, for the theory check, SSR on n Gaussian rows from the pool's plug-in covariance with its
 * exact population error.
 * @example realTrial('ecg', 4, 1e-4, 8, trialStream('real-data', 0))
 */
export function realTrial(
  dataset: string,
  alpha: number,
  lambda: number,
  steps: number,
  stream: RandomStream,
): RealValues {
  const set = realSet(dataset);
  const d = set.pool.cols;
  const n = sampleCount(alpha, d);
  const key = paramsKey({ dataset, alpha });
  const picked = stream.child('rows', key).choice(set.pool.rows, n);
  const x = Matrix.zeros(n, d);
  picked.forEach((r, i) => x.data.set(set.pool.data.subarray(r * d, (r + 1) * d), i * d));
  // Test errors through the test rows' second moment M = TᵀT/m: (1/d) tr[(I−Â)ᵀM(I−Â)] for SSR,
  // (1/d)(tr M − Σ_{i≤p} v_iᵀMv_i) for PCA; equal to scoring the rows one by one.
  const ssrTest = populationErrorInPlace(fitSsr(x, { lambda, centre: false }), set.testMoment);
  const { vectors } = eigh(gram(x));
  const mv = matmul(set.testMoment, vectors);
  const energy = new Float64Array(d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) energy[j] += vectors.data[i * d + j] * mv.data[i * d + j];
  let total = 0;
  for (let k = 0; k < d; k++) total += set.testMoment.data[k * d + k];
  const pcaTest: number[] = [];
  let captured = 0;
  for (let p = 1, k = 0; k < steps; k++) {
    const target = Math.round(((k + 1) * d) / steps);
    for (; p <= target; p++) captured += energy[d - p]; // columns of V ascend
    pcaTest.push((total - captured) / d);
  }
  const gauss = set.model.sample(n, stream.child('gauss', key));
  const ssrGauss = populationErrorInPlace(
    fitSsr(gauss, { lambda, centre: false }),
    set.model.matrix(),
  );
  return { ssrTest, pcaTest, ssrGauss };
}
