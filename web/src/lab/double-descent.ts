import { interval } from '../../../src/constraints.js';
import { ACTIVATION_NAMES } from '../../../src/features/activation.js';
import { FEATURE_PARAMS } from '../../../src/features/params.js';
import { type RfSpectrum, rfSpectrum } from '../../../src/features/rf-spectrum.js';
import { rfTheory } from '../../../src/features/rf-theory.js';
import type { Matrix } from '../../../src/linalg/matrix.js';
import { gaussianMatrix } from '../../../src/random/gaussian.js';
import { randomStream } from '../../../src/random/stream.js';
import { logGrid } from '../../../src/scenario/grid.js';
import { liveCurvesSpec } from '../views.js';
import {
  type LabParams,
  type LabView,
  line,
  numberParam,
  rule,
  SEED,
  SEED_CONTROL,
} from './types.js';

/** The N/n grid, as the CLI's default `--ratio 0.1:10:60`. */
export const RATIO_RANGE = { lo: 0.1, hi: 10, count: 60 } as const;
const SAMPLES = interval(8, 400, '[]', { integer: true });
const INPUTS = interval(1, 400, '[]', { integer: true });
const NOISE = interval(0, Infinity, '[)');

/** A teacher–student data set: the training and test inputs and targets. */
export interface TeacherData {
  x: Matrix;
  y: Float64Array;
  xTest: Matrix;
  yTest: Float64Array;
}

/**
 * n training and n test samples x ~ N(0, I/p) with targets y = xᵀβ + noise·ξ, β ~ N(0, I_p),
 * ξ ~ N(0, 1), all from `seed` (so that the browser test can hand the same data to the CLI).
 * @example teacherData(128, 64, 0.3, 0).x.rows // 128
 */
export function teacherData(n: number, p: number, noise: number, seed: number): TeacherData {
  const stream = randomStream(seed);
  const beta = gaussianMatrix(p, 1, stream.child('beta')).data;
  const make = (name: string) => {
    const x = gaussianMatrix(n, p, stream.child(name, 'x'));
    for (let i = 0; i < x.data.length; i++) x.data[i]! /= Math.sqrt(p);
    const xi = gaussianMatrix(n, 1, stream.child(name, 'noise')).data;
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += x.data[i * p + j]! * beta[j]!;
      y[i] = s + noise * xi[i]!;
    }
    return { x, y };
  };
  const train = make('train');
  const test = make('test');
  return { x: train.x, y: train.y, xTest: test.x, yTest: test.y };
}

/** What the view computes: the theory's train and test MSE on the N/n grid. */
export interface DoubleDescentResult {
  activation: string;
  gamma: number;
  n: number;
  p: number;
  points: Array<{ ratio: number; train: number; test: number; delta: number; converged: boolean }>;
}

// The eigendecomposition of the kernel depends on the data and φ only: a change of γ reuses it.
let cached: { key: string; spectrum: RfSpectrum } | null = null;

function spectrumOf(p: LabParams, n: number, inputs: number): RfSpectrum {
  const noise = numberParam(p, 'noise', NOISE);
  const seed = numberParam(p, 'seed', SEED);
  const key = JSON.stringify([p.activation, n, inputs, noise, seed]);
  if (cached?.key !== key) {
    const data = teacherData(n, inputs, noise, seed);
    cached = { key, spectrum: rfSpectrum({ ...data, activation: p.activation ?? '' }) };
  }
  return cached.spectrum;
}

/**
 * Random-feature double descent (docs/theory.md §15): the deterministic equivalents of the
 * training and test MSE of random-feature ridge regression (`rfTheory`) against N/n on a
 * teacher–student data set, the numbers of `rmtkit rf-theory --json` on the same data.
 */
export const doubleDescentView: LabView<DoubleDescentResult> = {
  id: 'double-descent',
  heading: 'Random-feature double descent',
  intro:
    'Training and test error of random-feature ridge regression against the number of features per sample N/n, from the deterministic equivalent on a teacher–student data set.',
  section: '15',
  controls: [
    {
      key: 'activation',
      label: 'activation φ',
      type: 'select',
      choices: ACTIVATION_NAMES.filter((a) => a !== 'leaky-relu').map((a) => [a, a] as const),
      initial: 'relu',
    },
    { key: 'gamma', label: 'ridge γ', type: 'number', initial: '0.001', min: 0, step: 'any' },
    { key: 'n', label: 'samples n', type: 'number', initial: '128', min: 8, max: 400, step: 1 },
    { key: 'p', label: 'input dimension p', type: 'number', initial: '64', min: 1, max: 400 },
    { key: 'noise', label: 'label noise', type: 'number', initial: '0.3', min: 0, step: 'any' },
    SEED_CONTROL,
  ],
  plots: [
    {
      id: 'double-descent',
      title: 'Error vs N/n',
      spec: liveCurvesSpec({
        title: 'Error vs N/n (features per sample)',
        xTitle: 'N/n',
        yTitle: 'mean squared error',
        seriesTitle: 'curve',
        xScale: 'log',
        yScale: 'log',
      }),
    },
  ],
  compute(p) {
    const gamma = numberParam(p, 'gamma', FEATURE_PARAMS.gamma);
    const n = numberParam(p, 'n', SAMPLES);
    const inputs = numberParam(p, 'p', INPUTS);
    const ratios = logGrid(RATIO_RANGE.lo, RATIO_RANGE.hi, RATIO_RANGE.count);
    const points = rfTheory(spectrumOf(p, n, inputs), ratios, [gamma]);
    return {
      activation: p.activation ?? '',
      gamma,
      n,
      p: inputs,
      points: points.map((q) => ({
        ratio: q.ratio,
        train: q.train,
        test: q.test,
        delta: q.delta,
        converged: q.converged,
      })),
    };
  },
  rows: (r) => ({
    'double-descent': [
      ...r.points.flatMap((q) => [
        ...(q.test > 0 && Number.isFinite(q.test) ? [line('test', q.ratio, q.test)] : []),
        ...(q.train > 0 && Number.isFinite(q.train) ? [line('training', q.ratio, q.train)] : []),
      ]),
      rule('N = n (interpolation)', 1),
    ],
  }),
  summary(r) {
    const best = r.points.reduce((a, b) => (b.test < a.test ? b : a));
    return `${r.activation}, γ = ${r.gamma}, n = ${r.n}, p = ${r.p}: smallest test MSE ${best.test.toPrecision(4)} at N/n = ${best.ratio.toPrecision(3)}.`;
  },
};
