import { interval } from '../../../src/constraints.js';
import { InvalidArgumentError } from '../../../src/errors.js';
import { eigvalsh } from '../../../src/linalg/api.js';
import {
  fussCatalan,
  kestenMcKay,
  marchenkoPastur,
  meixner,
  type SpectralLaw,
  wachter,
  wigner,
} from '../../../src/rmt/laws/index.js';
import { liveCurvesSpec } from '../views.js';
import {
  binRows,
  type DensityBin,
  densityBins,
  type LabParams,
  type LabView,
  line,
  numberParam,
  rule,
  SEED,
  SEED_CONTROL,
} from './types.js';

/** The laws the view offers: their parameters (URL keys) and how the library builds them. */
const LAWS: Record<string, { label: string; make(p: LabParams): SpectralLaw }> = {
  wigner: { label: 'Wigner semicircle', make: (p) => wigner(numberParam(p, 'radius')) },
  'marchenko-pastur': {
    label: 'Marchenko–Pastur',
    make: (p) => marchenkoPastur(numberParam(p, 'ratio'), numberParam(p, 'variance')),
  },
  'kesten-mckay': { label: 'Kesten–McKay', make: (p) => kestenMcKay(numberParam(p, 'degree')) },
  wachter: { label: 'Wachter', make: (p) => wachter(numberParam(p, 'a'), numberParam(p, 'b')) },
  'fuss-catalan': { label: 'Fuss–Catalan', make: (p) => fussCatalan(numberParam(p, 's')) },
  meixner: {
    label: 'free Meixner',
    make: (p) =>
      meixner(
        numberParam(p, 'meixner-a'),
        numberParam(p, 'meixner-b'),
        numberParam(p, 'meixner-c'),
      ),
  },
};

/** Matrix sizes of the sampled histogram (a JS eigendecomposition of n = 800 takes about 1 s). */
const SIZE = interval(2, 800, '[]', { integer: true });
const BINS = interval(1, 200, '[]', { integer: true });
/** Points of the density curve across the support. */
const GRID = 241;

/** What the laws view computes: the law's density on a grid and one sampled matrix's spectrum. */
export interface LawResult {
  law: string;
  parameters: Record<string, number>;
  support: [number, number];
  atoms: Array<{ at: number; mass: number }>;
  grid: number[];
  density: number[];
  n: number;
  eigenvalues: number[];
  bins: DensityBin[];
}

const only = (law: string) => (p: LabParams) => p.law === law;
const num = (key: string, label: string, initial: string, law: string, step: number | 'any') => ({
  key,
  label,
  type: 'number' as const,
  initial,
  step,
  shownIf: only(law),
});

/**
 * The random-matrix laws (docs/theory.md §8): the density of the chosen law against the
 * eigenvalue histogram of one n×n matrix from the law's own random-matrix model
 * (`SpectralLaw.sampleMatrix`), atoms and support edges marked.
 */
export const lawsView: LabView<LawResult> = {
  id: 'laws',
  heading: 'Random-matrix laws',
  intro:
    'The limiting spectral density of a law and the eigenvalues of one sampled n×n matrix of its random-matrix model.',
  section: '8',
  controls: [
    {
      key: 'law',
      label: 'law',
      type: 'select',
      choices: Object.entries(LAWS).map(([k, v]) => [k, v.label] as const),
      initial: 'marchenko-pastur',
    },
    num('radius', 'radius r', '2', 'wigner', 'any'),
    num('ratio', 'ratio c = d/n', '0.5', 'marchenko-pastur', 'any'),
    num('variance', 'variance σ²', '1', 'marchenko-pastur', 'any'),
    num('degree', 'degree', '3', 'kesten-mckay', 1),
    num('a', 'a', '1.5', 'wachter', 'any'),
    num('b', 'b', '2', 'wachter', 'any'),
    num('s', 's (products)', '2', 'fuss-catalan', 1),
    num('meixner-a', 'a', '0', 'meixner', 'any'),
    num('meixner-b', 'b', '1', 'meixner', 'any'),
    num('meixner-c', 'c', '1', 'meixner', 'any'),
    { key: 'n', label: 'matrix size n', type: 'number', initial: '200', min: 2, max: 800, step: 1 },
    { key: 'bins', label: 'histogram bins', type: 'number', initial: '40', min: 1, max: 200 },
    SEED_CONTROL,
  ],
  plots: [
    {
      id: 'law-density',
      title: 'Density and sampled eigenvalues',
      spec: liveCurvesSpec({
        title: 'Density and sampled eigenvalues',
        xTitle: 'eigenvalue x',
        yTitle: 'density',
        seriesTitle: 'curve',
      }),
    },
  ],
  compute(p) {
    const kind = LAWS[p.law ?? ''];
    if (!kind)
      throw new InvalidArgumentError(
        'law',
        `must be one of ${Object.keys(LAWS).join(', ')}`,
        p.law,
      );
    const law = kind.make(p);
    const n = numberParam(p, 'n', SIZE);
    const bins = numberParam(p, 'bins', BINS);
    const seed = numberParam(p, 'seed', SEED);
    const [lo, hi] = law.support;
    const grid = Array.from({ length: GRID }, (_, i) => lo + ((hi - lo) * i) / (GRID - 1));
    const eigenvalues = Array.from(eigvalsh(law.sampleMatrix(n, seed)));
    const range: [number, number] = [
      Math.min(lo, eigenvalues[0]!),
      Math.max(hi, eigenvalues[n - 1]!),
    ];
    return {
      law: law.name,
      parameters: { ...law.parameters },
      support: [lo, hi],
      atoms: law.atoms.map((a) => ({ ...a })),
      grid,
      density: grid.map((x) => law.density(x)),
      n,
      eigenvalues,
      bins: densityBins(eigenvalues, bins, range),
    };
  },
  rows: (r) => ({
    'law-density': [
      ...r.grid.map((x, i) => line(`density of ${r.law}`, x, r.density[i]!)),
      ...binRows(`eigenvalues of one ${r.n}×${r.n} sample`, r.bins),
      rule('support edge', r.support[0]),
      rule('support edge', r.support[1]),
      ...r.atoms.map((a) => rule(`atom (mass ${a.mass.toPrecision(3)})`, a.at)),
    ],
  }),
  summary: (r) =>
    `${r.law} (${Object.entries(r.parameters)
      .map(([k, v]) => `${k} = ${v}`)
      .join(
        ', ',
      )}): support [${r.support.map((v) => v.toPrecision(4)).join(', ')}]${r.atoms.length ? `, atoms ${r.atoms.map((a) => `${a.mass.toPrecision(3)} at ${a.at}`).join(', ')}` : ''}; sampled eigenvalues from ${r.eigenvalues[0]!.toPrecision(4)} to ${r.eigenvalues[r.n - 1]!.toPrecision(4)}.`,
};
