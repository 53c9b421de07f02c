import type { CurveRow } from '../../src/plot/curves.js';
import type { CovarianceSpec } from '../../src/scenario/covariance-spec.js';
import { logGrid } from '../../src/scenario/grid.js';
import { binRows } from './lab/types.js';
import { MAX_SIM_D, type SimHistogram, type SimPoint } from './sim.js';

/**
 * What a Monte Carlo run simulates: the current model, λ and α (for the spectrum) at a finite d.
 */
export interface SimTarget {
  spec: CovarianceSpec;
  /** The spec as a string: the key that ties simulated rows to the state they belong to. */
  cov: string;
  lambda: number;
  alpha: number;
}

/**
 * Simulation rows for one view, with the key (`cov|λ` for error vs α, `cov|λ|α` for the spectrum)
 * of the state they belong to.
 */
export type SimRows = (view: 'vs-alpha' | 'spectrum', rows: CurveRow[], key: string) => void;

/** α values of the overlay: 8 log-spaced ratios from 0.25 to 8. */
export const SIM_ALPHAS = logGrid(0.25, 8, 8, 6);

/**
 * Wires the Monte Carlo panel (#mc-*): Run starts a fresh Web Worker, the progress bar follows
 * its trials, Cancel terminates it (the page never waits on a simulation). Each finished α adds
 * error rows (mean ± one standard error), and the pooled eigenvalues of Â at the current α give
 * a histogram; `onRows` receives them with the state they belong to, so the page shows them only
 * while that state is on screen.
 * @example setupMonteCarlo(() => ({ spec: { kind: 'ar1', rho: 0.5 }, cov: 'ar1:0.5', lambda: 0.1, alpha: 2 }), (view, rows) => console.log(view, rows.length))
 */
export function setupMonteCarlo(target: () => SimTarget | null, onRows: SimRows): void {
  const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const run = el<HTMLButtonElement>('mc-run');
  const cancel = el<HTMLButtonElement>('mc-cancel');
  const bar = el<HTMLProgressElement>('mc-progress');
  const status = el('mc-status');
  let worker: Worker | null = null;

  const stop = (message: string) => {
    worker?.terminate();
    worker = null;
    run.disabled = false;
    cancel.disabled = true;
    status.textContent = message;
  };

  run.addEventListener('click', () => {
    const t = target();
    if (!t) return;
    const d = Math.round(Number(el<HTMLInputElement>('mc-d').value));
    const trials = Math.round(Number(el<HTMLInputElement>('mc-trials').value));
    if (!(d >= 2 && d <= MAX_SIM_D) || !(trials >= 2 && trials <= 100)) {
      status.textContent = `d must be 2–${MAX_SIM_D} and trials 2–100`;
      return;
    }
    stop('');
    const key = `${t.cov}|${t.lambda}`;
    const label = `simulation, d = ${d}`;
    const rows: CurveRow[] = [];
    const spectrumKey = `${key}|${t.alpha}`;
    onRows('vs-alpha', [], key);
    onRows('spectrum', [], spectrumKey);
    bar.value = 0;
    run.disabled = true;
    cancel.disabled = false;
    status.textContent = 'running…';
    const started = performance.now();
    worker = new Worker(new URL('./sim-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (
      event: MessageEvent<{
        progress?: [number, number];
        point?: SimPoint;
        histogram?: SimHistogram;
        done?: true;
        error?: string;
      }>,
    ) => {
      const { progress, point, histogram, done, error } = event.data;
      if (progress) {
        bar.max = progress[1];
        bar.value = progress[0];
        status.textContent = `${progress[0]} / ${progress[1]} trials`;
      }
      if (point) {
        rows.push({
          kind: 'simulation',
          series: `generalisation (${label})`,
          x: point.alpha,
          y: point.genMean,
          lo: point.genMean - point.genSe,
          hi: point.genMean + point.genSe,
        });
        rows.push({
          kind: 'simulation',
          series: `training (${label})`,
          x: point.alpha,
          y: point.trainMean,
          lo: point.trainMean - point.trainSe,
          hi: point.trainMean + point.trainSe,
        });
        onRows('vs-alpha', [...rows], key);
      }
      if (histogram) {
        const series = `histogram (${label}, ${trials} × ${histogram.n} samples)`;
        onRows('spectrum', binRows(series, histogram.bins), spectrumKey);
      }
      if (done)
        stop(
          `done: ${(SIM_ALPHAS.length + 1) * trials} trials in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      if (error) stop(`failed: ${error}`);
    };
    worker.postMessage({
      spec: t.spec,
      d,
      lambda: t.lambda,
      alpha: t.alpha,
      alphas: SIM_ALPHAS,
      trials,
      seed: 1,
    });
  });
  cancel.addEventListener('click', () => stop(`cancelled at ${bar.value} / ${bar.max} trials`));
}
