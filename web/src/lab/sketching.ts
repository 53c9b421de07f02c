import { interval } from '../../../src/constraints.js';
import { qr, svd } from '../../../src/linalg/api.js';
import type { Matrix } from '../../../src/linalg/matrix.js';
import { gaussianMatrix } from '../../../src/random/gaussian.js';
import { randomStream } from '../../../src/random/stream.js';
import { marchenkoPastur } from '../../../src/rmt/laws/marchenko-pastur.js';
import { parseSketch } from '../../../src/sketch/distribution.js';
import { sketchingOperator } from '../../../src/sketch/operator.js';
import { sketchedSingularValueEdges } from '../../../src/sketch/theory-embedding.js';
import { liveCurvesSpec } from '../views.js';
import { type LabView, line, numberParam, rule, SEED, SEED_CONTROL } from './types.js';

/** The sketch families drawn (every kind of `parseSketch` that needs no extra input). */
export const SKETCH_FAMILIES = ['gaussian', 'rademacher', 'uniform', 'saso', 'laso', 'srht'];
const AMBIENT = interval(2, 8192, '[]', { integer: true });
const COLUMNS = interval(1, 256, '[]', { integer: true });
/** Points of the Marchenko–Pastur CDF curve between the edges. */
const GRID = 121;

/** What the view computes: σ(S·U) per family, the MP edges and the MP CDF of σ. */
export interface SketchingResult {
  n: number;
  d: number;
  l: number;
  edges: { lower: number; upper: number };
  /** Singular values of S·U per family, descending. */
  singularValues: Record<string, number[]>;
  /** The limiting CDF P(σ ≤ x) = F_MP(x²) of ratio d/l on a grid between the edges. */
  cdf: Array<{ x: number; p: number }>;
}

let cachedBasis: { key: string; u: Matrix } | null = null;

/**
 * U: an n×d matrix with orthonormal columns (the Q of a Gaussian matrix), from the stream child
 * 'U' of `seed`.
 */
export function sketchBasis(n: number, d: number, seed: number): Matrix {
  const key = JSON.stringify([n, d, seed]);
  if (cachedBasis?.key !== key)
    cachedBasis = { key, u: qr(gaussianMatrix(n, d, randomStream(seed).child('U'))).q };
  return cachedBasis.u;
}

/**
 * Sketching (docs/theory.md §12.1): the singular values of S·U for an l×n sketch S of each family
 * (stream child ('sketch', family) of the seed), as empirical CDFs against the Marchenko–Pastur
 * law of ratio d/l, whose edges 1 ± √(d/l) are `sketchedSingularValueEdges`.
 */
export const sketchingView: LabView<SketchingResult> = {
  id: 'sketching',
  heading: 'Sketching: subspace embeddings',
  intro:
    'Singular values of S·U, for U an n×d orthonormal basis and an l×n sketch S of each family, against the Marchenko–Pastur edges 1 ± √(d/l).',
  section: '12.1',
  controls: [
    { key: 'n', label: 'ambient dimension n', type: 'number', initial: '1024', min: 2, max: 8192 },
    { key: 'd', label: 'columns d', type: 'number', initial: '32', min: 1, max: 256, step: 1 },
    { key: 'l', label: 'sketch size l', type: 'number', initial: '128', min: 2, step: 1 },
    SEED_CONTROL,
  ],
  plots: [
    {
      id: 'sketching',
      title: 'Singular values of S·U',
      spec: liveCurvesSpec({
        title: 'CDF of the singular values of S·U',
        xTitle: 'singular value σ',
        yTitle: 'fraction ≤ σ',
        seriesTitle: 'curve',
      }),
    },
  ],
  compute(p) {
    const n = numberParam(p, 'n', AMBIENT);
    const d = numberParam(p, 'd', COLUMNS);
    const l = numberParam(p, 'l');
    const seed = numberParam(p, 'seed', SEED);
    const edges = sketchedSingularValueEdges(d, l);
    const u = sketchBasis(n, d, seed);
    const singularValues: Record<string, number[]> = {};
    for (const family of SKETCH_FAMILIES) {
      const s = sketchingOperator(
        parseSketch(family),
        l,
        n,
        randomStream(seed).child('sketch', family),
      );
      singularValues[family] = Array.from(svd(s.applyLeft(u)).s);
    }
    const mp = marchenkoPastur(d / l);
    const cdf = Array.from({ length: GRID }, (_, i) => {
      const x = edges.lower + ((edges.upper - edges.lower) * i) / (GRID - 1);
      return { x, p: mp.cdf(x * x) };
    });
    return { n, d, l, edges: { lower: edges.lower, upper: edges.upper }, singularValues, cdf };
  },
  rows: (r) => ({
    sketching: [
      ...r.cdf.map((q) => line(`Marchenko–Pastur, d/l = ${(r.d / r.l).toPrecision(3)}`, q.x, q.p)),
      ...Object.entries(r.singularValues).flatMap(([family, s]) =>
        [...s].reverse().map((x, i) => {
          const y = (i + 0.5) / s.length;
          return { kind: 'simulation' as const, series: family, x, y, lo: y, hi: y };
        }),
      ),
      rule('edges 1 ± √(d/l)', r.edges.lower),
      rule('edges 1 ± √(d/l)', r.edges.upper),
    ],
  }),
  summary: (r) =>
    `n = ${r.n}, d = ${r.d}, l = ${r.l}: edges [${r.edges.lower.toPrecision(4)}, ${r.edges.upper.toPrecision(4)}]; ` +
    Object.entries(r.singularValues)
      .map(([f, s]) => `${f} [${s[s.length - 1]!.toPrecision(3)}, ${s[0]!.toPrecision(3)}]`)
      .join(', '),
};
