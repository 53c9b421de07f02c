import { dataCovariance } from '../../covariance/data.js';
import type { CovarianceModel } from '../../covariance/model.js';
import { InvalidArgumentError } from '../../errors.js';
import { gram } from '../../linalg/api.js';
import type { Matrix } from '../../linalg/matrix.js';
import { ecgDataset } from './ecg.js';
import { fashionMnist } from './fashion-mnist.js';

/**
 * A real data set ready for learning curves: pool and test rows centred by the pool mean, and the
 * plug-in model.
 */
export interface RealSet {
  name: string;
  title: string;
  /** Rows that trials subsample from (the full training data). */
  pool: Matrix;
  /** Held-out rows the fits are scored on. */
  test: Matrix;
  /**
   * Their second-moment matrix TᵀT/m: the test error of any linear reconstruction x ↦ Bᵀx is
   * (1/d) tr[(I−B)ᵀ (TᵀT/m) (I−B)], a d×d product instead of an m×d one.
   */
  testMoment: Matrix;
  /** N(0, Σ̂) with Σ̂ the plug-in covariance of the whole pool: the theory's forecast model. */
  model: CovarianceModel;
}

const sets = new Map<string, RealSet>();

/**
 * The real data sets of experiment 6, built once per thread: `ecg` (windows of 32 samples, stride
 * 4, of the ECG record in Debian's python3-scipy; train = first 80 %, test = last 20 %) and
 * `fashion` (Fashion-MNIST from Debian's dataset-fashion-mnist, 2×2-pooled to 14×14 = 196
 * pixels; 60 000 training, 10 000 test images). Both are centred by the pool mean, so the
 * zero-mean theory applies with the pool's plug-in covariance.
 * @throws {DataFormatError} when the Debian package is missing (the message names it).
 * @throws {InvalidArgumentError} naming 'dataset' for another name.
 * @example realSet('ecg').pool.cols // 32
 */
export function realSet(name: string): RealSet {
  const hit = sets.get(name);
  if (hit) return hit;
  let raw: { train: Matrix; test: Matrix; title: string };
  if (name === 'ecg') raw = { ...ecgDataset(32, 4), title: 'ECG windows (d = 32, errors in mV²)' };
  else if (name === 'fashion')
    raw = {
      train: fashionMnist('train', 2),
      test: fashionMnist('test', 2),
      title: 'Fashion-MNIST 14×14 (d = 196, intensities 0–1)',
    };
  else throw new InvalidArgumentError('dataset', "must be 'ecg' or 'fashion'", name);
  const { rows: n, cols: d } = raw.train;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) mean[k] += raw.train.data[i * d + k] / n;
  const centre = (m: Matrix) => {
    const out = m.clone();
    for (let i = 0; i < m.rows; i++) for (let k = 0; k < d; k++) out.data[i * d + k] -= mean[k];
    return out;
  };
  const pool = centre(raw.train);
  const test = centre(raw.test);
  const set = {
    name,
    title: raw.title,
    pool,
    test,
    testMoment: gram(test),
    model: dataCovariance(pool, { name: `data:${name}` }),
  };
  sets.set(name, set);
  return set;
}
