import type { CovarianceModel } from '../covariance/model.js';
import { InvalidArgumentError } from '../errors.js';
import { Matrix } from '../linalg/matrix.js';
import type { Seed } from '../random/seed.js';
import { type RandomStream, randomStream } from '../random/stream.js';
import type { ActivationSpec } from './activation.js';
import { FEATURE_PARAMS } from './params.js';
import type { RandomFeaturesData } from './rf-spectrum.js';

/** Sizes, noise and seed of {@link populationData}. */
export interface PopulationOptions {
  /** Training samples n (integer ≥ 1). */
  n: number;
  /** Test samples n̂ (integer ≥ 1; default n). */
  nTest?: number;
  /** Standard deviation σ ≥ 0 of the label noise (default 0.1). */
  noise?: number;
  /** Seed of the samples, the teacher and the noise. */
  seed?: Seed | RandomStream;
}

/**
 * A random-feature regression problem drawn from a population model (docs/theory.md §15): rows
 * z ~ N(0, Σ) of the covariance model, inputs x = z/√(tr Σ) (so E‖x‖² = 1, the scale the kernel
 * formulas expect), and a linear teacher y = zᵀb + σε with b ~ N(0, I_p/tr Σ) drawn once (signal
 * variance bᵀΣb ≈ 1) and ε ~ N(0, 1). Training and test sets share the teacher. The deterministic
 * equivalent ({@link rfSpectrum}, {@link rfTheory}) then predicts the errors on these inputs.
 * @throws {InvalidArgumentError} naming 'n', 'nTest', 'noise' or 'cov' (a d = ∞ model).
 * @example populationData(buildCovariance(parseCovarianceSpec('ar1:0.5'), 200), { n: 400 }, 'relu')
 */
export function populationData(
  model: CovarianceModel,
  options: PopulationOptions,
  act: ActivationSpec,
): Required<RandomFeaturesData> {
  const { n, nTest = n, noise = 0.1, seed = 0 } = options;
  FEATURE_PARAMS.features.check('n', n);
  FEATURE_PARAMS.features.check('nTest', nTest);
  if (!(noise >= 0) || !Number.isFinite(noise))
    throw new InvalidArgumentError('noise', 'must be a finite number ≥ 0', noise);
  if (!Number.isFinite(model.d))
    throw new InvalidArgumentError('cov', 'needs a finite dimension to draw samples', model.name);
  const p = model.d;
  const sigma = model.matrix();
  let trace = 0;
  for (let i = 0; i < p; i++) trace += sigma.data[i * p + i];
  const root = randomStream(seed);
  const teacher = root.split('teacher');
  const b = Float64Array.from({ length: p }, () => teacher.normal() / Math.sqrt(trace));
  const draw = (count: number, name: string) => {
    const z = model.sample(count, root.split(name));
    const noiseStream = root.child(name, 'noise');
    const y = new Float64Array(count);
    const x = Matrix.zeros(count, p);
    const scale = 1 / Math.sqrt(trace);
    for (let i = 0; i < count; i++) {
      let s = 0;
      for (let j = 0; j < p; j++) {
        const v = z.data[i * p + j];
        s += v * b[j];
        x.data[i * p + j] = v * scale;
      }
      y[i] = s + noise * noiseStream.normal();
    }
    return { x, y };
  };
  const train = draw(n, 'train');
  const test = draw(nTest, 'test');
  return { x: train.x, y: train.y, xTest: test.x, yTest: test.y, activation: act };
}
