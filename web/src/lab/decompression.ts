import { interval } from '../../../src/constraints.js';
import { InvalidArgumentError } from '../../../src/errors.js';
import { ensembleLaw } from '../../../src/experiments/defs/free-decompression-trial.js';
import { decompress } from '../../../src/free/decompress.js';
import { freeForm } from '../../../src/free/free-form.js';
import { eigvalsh } from '../../../src/linalg/api.js';
import { liveCurvesSpec } from '../views.js';
import {
  binRows,
  type DensityBin,
  densityBins,
  type LabParams,
  type LabView,
  line,
  numberParam,
  SEED,
  SEED_CONTROL,
} from './types.js';

const ENSEMBLES = [
  ['wishart-1/2', 'Wishart, d/n = 1/2'],
  ['wishart-1/50', 'Wishart, d/n = 1/50'],
  ['goe', 'GOE (Wigner)'],
] as const;
const SAMPLE = interval(8, 600, '[]', { integer: true });
const TARGET = interval(8, 1e7, '[]', { integer: true });

/** What the view computes: the sample, its decompressed density and the ensemble's law there. */
export interface DecompressionResult {
  ensemble: string;
  sampleSize: number;
  size: number;
  eigenvalues: number[];
  bins: DensityBin[];
  ok: boolean;
  reason: string | null;
  support: [number, number];
  missingMass: number;
  grid: number[];
  density: number[];
  /** The ensemble's limiting law at the target size, on the same grid. */
  law: number[];
}

// The fit depends on the sample only: a change of the target size reuses it.
let cached: { key: string; eigenvalues: Float64Array; fit: ReturnType<typeof freeForm> } | null =
  null;

function fitOf(p: LabParams, ensemble: string, sampleSize: number) {
  const seed = numberParam(p, 'seed', SEED);
  const key = JSON.stringify([ensemble, sampleSize, seed]);
  if (cached?.key !== key) {
    const eigenvalues = eigvalsh(ensembleLaw(ensemble, 1).sampleMatrix(sampleSize, seed));
    cached = { key, eigenvalues, fit: freeForm(eigenvalues) };
  }
  return cached;
}

/**
 * Free decompression (docs/theory.md §14): the eigenvalues of one n_s×n_s matrix of an ensemble,
 * fitted (`freeForm`) and carried to size N (`decompress`), against the ensemble's limiting law at
 * size N; the numbers of `rmtkit decompress --eigs <sample> --size N --json`.
 */
export const decompressionView: LabView<DecompressionResult> = {
  id: 'decompression',
  heading: 'Free decompression',
  intro:
    'The spectrum of a large matrix predicted from a small one: the eigenvalues of an n_s×n_s sample, decompressed to size N, against the exact law at size N.',
  section: '14',
  controls: [
    {
      key: 'ensemble',
      label: 'ensemble',
      type: 'select',
      choices: ENSEMBLES,
      initial: 'wishart-1/2',
    },
    { key: 'ns', label: 'sample size n_s', type: 'number', initial: '200', min: 8, max: 600 },
    { key: 'size', label: 'target size N', type: 'number', initial: '1600', min: 8, step: 1 },
    SEED_CONTROL,
  ],
  plots: [
    {
      id: 'decompression',
      title: 'Decompressed density',
      spec: liveCurvesSpec({
        title: 'Decompressed density against the law',
        xTitle: 'eigenvalue x',
        yTitle: 'density',
        seriesTitle: 'curve',
      }),
    },
  ],
  compute(p) {
    const ensemble = p.ensemble ?? '';
    if (!ENSEMBLES.some(([e]) => e === ensemble))
      throw new InvalidArgumentError(
        'ensemble',
        `must be one of ${ENSEMBLES.map(([e]) => e).join(', ')}`,
        ensemble,
      );
    const sampleSize = numberParam(p, 'ns', SAMPLE);
    const size = numberParam(p, 'size', TARGET);
    const { eigenvalues, fit } = fitOf(p, ensemble, sampleSize);
    const d = decompress(fit, size);
    const law = ensembleLaw(ensemble, size / sampleSize);
    const grid = Array.from(d.grid);
    return {
      ensemble,
      sampleSize,
      size,
      eigenvalues: Array.from(eigenvalues),
      bins: densityBins(eigenvalues, 30),
      ok: d.ok,
      reason: d.reason ?? null,
      support: [d.support[0], d.support[1]],
      missingMass: d.missingMass,
      grid: d.ok ? grid : [],
      density: d.ok ? Array.from(d.density) : [],
      law: d.ok ? grid.map((x) => law.density(x)) : [],
    };
  },
  rows: (r) => ({
    decompression: [
      ...binRows(`sample eigenvalues (n_s = ${r.sampleSize})`, r.bins),
      ...r.grid.map((x, i) => line(`decompressed to N = ${r.size}`, x, r.density[i]!)),
      ...r.grid.map((x, i) => line(`exact law at N = ${r.size}`, x, r.law[i]!)),
    ],
  }),
  summary: (r) =>
    r.ok
      ? `${r.ensemble}: n_s = ${r.sampleSize} → N = ${r.size}; decompressed support [${r.support.map((v) => v.toPrecision(4)).join(', ')}], missing mass ${r.missingMass.toPrecision(3)}.`
      : `${r.ensemble}: decompression to N = ${r.size} failed: ${r.reason}`,
};
