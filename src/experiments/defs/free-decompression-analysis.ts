import { type CurveRow, curvesSpec } from '../../plot/curves.js';
import { check, trialStats } from '../stats.js';
import type { Analysis, Check, Figure, PointResults } from '../types.js';
import type { FreeDecompressionConfig } from './free-decompression.js';
import {
  ensembleLaw,
  FACTORS,
  type FreeDecompressionPoint,
  type FreeDecompressionValues,
} from './free-decompression-trial.js';

/** Issue 15's total-variation bounds by size factor. */
const TV_BOUND: Record<number, number> = { 8: 0.03, 32: 0.05 };

const line = (series: string, x: number, y: number, extra: Partial<CurveRow>) =>
  ({ kind: 'theory', series, x, y, lo: null, hi: null, ...extra }) as CurveRow;

/** Mean and standard deviation of an ensemble's law at size factor s: panels share x. */
function standard(ensemble: string, s: number): { mean: number; sd: number } {
  if (ensemble === 'goe') return { mean: 0, sd: Math.sqrt(s) };
  return { mean: 1, sd: Math.sqrt(s * (ensemble === 'wishart-1/50' ? 1 / 50 : 1 / 2)) };
}

/**
 * The analysis of the free-decompression experiment: checks of the decompressed moments against
 * the exact law's (allowance 1 %) and of the total variation against 0 (allowance 3 % at ×8, 5 %
 * at ×32), and two figures drawn from each point's first trial.
 */
export function analyseFreeDecompression(
  c: FreeDecompressionConfig,
  results: PointResults<FreeDecompressionPoint, FreeDecompressionValues>[],
): Analysis {
  const fitRows: CurveRow[] = [];
  const bigRows: CurveRow[] = [];
  const checks: Check[] = [];
  const notes: string[] = [];
  for (const point of results) {
    const { ensemble } = point.params;
    const first = point.trials[0]!;
    const small = ensembleLaw(ensemble, 1);
    const z = standard(ensemble, 1);
    const eig = (first.eig as number[]).map((v) => (v - z.mean) / z.sd);
    const [lo, hi] = [eig[0]!, eig[eig.length - 1]!];
    const bins = 30;
    const counts = new Float64Array(bins);
    for (const v of eig)
      counts[Math.min(bins - 1, Math.floor(((v - lo) / (hi - lo)) * bins))]! += 1;
    counts.forEach((k, i) => {
      const y = (k / eig.length) * (bins / (hi - lo));
      const x = lo + ((i + 0.5) * (hi - lo)) / bins;
      fitRows.push({ kind: 'simulation', series: 'eigenvalues', x, y, lo: y, hi: y, ensemble });
    });
    (first.fitX as number[]).forEach((x, i) => {
      const u = (x - z.mean) / z.sd;
      fitRows.push(line('free-form fit', u, z.sd * (first.fitY as number[])[i]!, { ensemble }));
      fitRows.push(line('law', u, z.sd * small.density(x), { ensemble }));
    });
    for (const s of FACTORS) {
      const law = ensembleLaw(ensemble, s);
      const factor = `×${s}`;
      const t = standard(ensemble, s);
      (first[`x${s}`] as number[]).forEach((x, i) => {
        const y = t.sd * (first[`y${s}`] as number[])[i]!;
        const u = (x - t.mean) / t.sd;
        if (Number.isFinite(y)) bigRows.push(line('decompressed', u, y, { ensemble, factor }));
        bigRows.push(line('law', u, t.sd * law.density(x), { ensemble, factor }));
      });
      const at = `${ensemble} n_s=${c.ns} ×${s}`;
      // Wigner of radius 2√s: mean 0, variance s; MP of ratio cs: mean 1, second moment 1 + cs.
      const mean = ensemble === 'goe' ? 0 : 1;
      const second = ensemble === 'goe' ? s : 1 + law.parameters.ratio!;
      const scale = ensemble === 'goe' ? Math.sqrt(s) : mean;
      const tv = trialStats(point, `tv${s}`);
      checks.push(check('total variation', at, 0, tv, { finiteSize: TV_BOUND[s]! }));
      checks.push(
        check('mean', at, mean, trialStats(point, `m1_${s}`), { finiteSize: 0.01 * scale }),
      );
      const m2 = trialStats(point, `m2_${s}`);
      checks.push(check('second moment', at, second, m2, { finiteSize: 0.01 * second }));
      notes.push(
        `${at}: total variation ${(100 * tv.mean).toFixed(2)} % (mean of ${tv.n} trials).`,
      );
    }
  }
  return { figures: figures(c, fitRows, bigRows), checks, notes };
}

function figures(c: FreeDecompressionConfig, fitRows: CurveRow[], bigRows: CurveRow[]): Figure[] {
  return [
    {
      name: 'fit',
      title: `The n_s = ${c.ns} spectrum, its free-form fit and the law`,
      caption:
        'Points: histogram of the sampled eigenvalues (first trial); lines: the Jacobi-series fit the decompression starts from and the exact law; x standardised by the law’s mean and standard deviation (density scaled to match).',
      spec: curvesSpec(fitRows, {
        title: `Sampled spectrum and fit (n_s = ${c.ns})`,
        xTitle: '(x − mean)/sd',
        yTitle: 'density × sd',
        seriesTitle: '',
        column: 'ensemble',
        width: 200,
        height: 170,
      }),
      rows: fitRows,
    },
    {
      name: 'decompressed',
      title: `Decompressed ×8 and ×32 against the exact law`,
      caption:
        'Decompressed densities at 8·n_s and 32·n_s (first trial) over the exact laws: Wigner of radius 2√s, Marchenko–Pastur of ratio cs (whose atom at 0, when cs > 1, is not drawn); x standardised by the law’s mean and standard deviation √s·σ.',
      spec: curvesSpec(bigRows, {
        title: `Free decompression from n_s = ${c.ns}`,
        xTitle: '(x − mean)/sd',
        yTitle: 'density × sd',
        seriesTitle: '',
        column: 'ensemble',
        row: 'factor',
        width: 200,
        height: 150,
      }),
      rows: bigRows,
    },
  ];
}
