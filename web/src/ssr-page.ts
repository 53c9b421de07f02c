/**
 * The masked-SSR page of the explorer: form controls ↔ state ↔ URL, theory requests to a Web
 * Worker, and live Vega plots with SVG/PNG/CSV export. `window.__explorer` exposes the current
 * state, result and measured update latencies for the end-to-end tests.
 */

import type { CurveRow } from '../../src/plot/curves.js';
import { Chart } from './chart.js';
import type { ErrorCurves, ExtraCurves } from './compute.js';
import { labels, readControls, writeControls } from './controls.js';
import { wireExports } from './export.js';
import { setupMonteCarlo } from './montecarlo.js';
import { type ExplorerState, parseStateReport, serializeState } from './state.js';
import {
  bbpView,
  diagramView,
  errorVsAlpha,
  errorVsLambda,
  pcaView,
  spectrumViewDef,
  type ViewDef,
} from './views.js';

interface Reply {
  id: number;
  result?: ErrorCurves;
  extras?: ExtraCurves;
  error?: string;
  ms?: number;
}
interface Probe {
  state: ExplorerState;
  result: ErrorCurves | null;
  updates: number;
  extrasUpdates: number;
  extras: ExtraCurves | null;
  latencies: Array<{ compute: number; total: number }>;
  error: string | null;
  charts: Record<string, Chart>;
  simPoints: number;
  simBins: number;
}

/** Starts the SSR page (its controls and views are in index.html's `#ssr-page`). */
export function mountSsrPage(): void {
  const initial = parseStateReport(new URLSearchParams(location.search));
  const probe: Probe = {
    state: initial.state,
    result: null,
    updates: 0,
    extrasUpdates: 0,
    extras: null,
    latencies: [],
    error: null,
    charts: {},
    simPoints: 0,
    simBins: 0,
  };
  (window as unknown as { __explorer: Probe }).__explorer = probe;

  const tooltip = document.getElementById('tooltip')!;
  const views: Array<{ def: ViewDef<never>; chart: Chart; figure: HTMLElement }> = [
    errorVsAlpha,
    errorVsLambda,
    spectrumViewDef,
    bbpView,
    pcaView,
    diagramView,
  ].map((def) => {
    const figure = document.querySelector<HTMLElement>(`[data-view="${def.id}"]`)!;
    const chart = new Chart(figure.querySelector<HTMLElement>('.plot')!, def.spec, tooltip);
    probe.charts[def.id] = chart;
    return { def, figure, chart };
  });

  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  let latest = 0;
  const started = new Map<number, number>();

  worker.onmessage = async (event: MessageEvent<Reply>) => {
    const { id, result, extras, error, ms } = event.data;
    const t0 = started.get(id);
    if (id !== latest) return; // a newer request is on its way
    if (extras) {
      const slow = [bbpView, pcaView] as ViewDef<ExtraCurves>[];
      const rho =
        probe.state.model === 'ar1'
          ? probe.state.rho
          : probe.state.model === 'isotropic'
            ? 0
            : null;
      await Promise.all([
        ...slow.map((def) => probe.charts[def.id]!.update(def.rows(extras))),
        probe.charts[spectrumViewDef.id]!.update([
          ...spectrumViewDef.rows(extras),
          ...(probe.result ? simulatedSpectrum(probe.result) : []),
        ]),
        probe.charts[diagramView.id]!.update(diagramView.rows({ ...extras, rho })),
      ]);
      probe.extras = extras;
      probe.extrasUpdates++;
      return;
    }
    showErrors(error);
    if (!result) return;
    await Promise.all([
      probe.charts[errorVsAlpha.id]!.update([...errorVsAlpha.rows(result), ...simulated(result)]),
      probe.charts[errorVsLambda.id]!.update(errorVsLambda.rows(result)),
    ]);
    probe.result = result;
    labels(probe.state, result.lambda);
    const total = t0 === undefined ? NaN : performance.now() - t0;
    probe.latencies.push({ compute: ms ?? NaN, total });
    probe.updates++;
    document.getElementById('status')!.textContent =
      `${result.description}. Irreducible error ${result.irreducible.toPrecision(4)}; at α = ${result.current.alpha}, λ = ${result.lambda.toPrecision(4)}: ` +
      `L_gen = ${result.current.genError?.toPrecision(5) ?? '∞'}, L_tr = ${result.current.trainError?.toPrecision(5) ?? '∞'}. Updated in ${total.toFixed(0)} ms (theory ${(ms ?? NaN).toFixed(0)} ms).`;
  };

  // What the library rejected in the link or the form (its own error texts), shown above the
  // worker's error until the input changes.
  let inputProblems = initial.problems;

  /** Shows the input problems and the worker's error (if any) in the alert box. */
  function showErrors(workerError?: string): void {
    const lines = [...inputProblems, ...(workerError === undefined ? [] : [workerError])];
    const box = document.getElementById('error')!;
    box.hidden = lines.length === 0;
    box.textContent = lines.join('\n');
    probe.error = lines.length === 0 ? null : lines.join('\n');
  }

  /** Sends the form's state to the worker and records it in the URL. */
  function request(state: ExplorerState): void {
    probe.state = state;
    const query = `?${serializeState(state)}`;
    history.replaceState(null, '', query);
    document.querySelector<HTMLAnchorElement>('#share')!.href = query;
    labels(state, null);
    latest++;
    started.clear(); // only the newest request's start time matters (the worker skips the others)
    started.set(latest, performance.now());
    worker.postMessage({ id: latest, state });
  }

  // Monte Carlo rows are shown only while the state they simulate is on screen.
  const sim: Record<'vs-alpha' | 'spectrum', { rows: CurveRow[]; key: string }> = {
    'vs-alpha': { rows: [], key: '' },
    spectrum: { rows: [], key: '' },
  };
  const simulated = (r: ErrorCurves) =>
    sim['vs-alpha'].key === `${r.cov}|${r.lambda}` ? sim['vs-alpha'].rows : [];
  const simulatedSpectrum = (r: ErrorCurves) =>
    sim.spectrum.key === `${r.cov}|${r.lambda}|${r.current.alpha}` ? sim.spectrum.rows : [];
  setupMonteCarlo(
    () =>
      probe.result
        ? {
            spec: probe.result.spec,
            cov: probe.result.cov,
            lambda: probe.result.lambda,
            alpha: probe.result.current.alpha,
          }
        : null,
    (view, rows, key) => {
      sim[view] = { rows, key };
      if (view === 'vs-alpha') probe.simPoints = rows.length;
      else probe.simBins = rows.length;
      const r = probe.result;
      if (!r) return;
      if (view === 'vs-alpha')
        void probe.charts[errorVsAlpha.id]!.update([...errorVsAlpha.rows(r), ...simulated(r)]);
      else if (probe.extras)
        void probe.charts[spectrumViewDef.id]!.update([
          ...spectrumViewDef.rows(probe.extras),
          ...simulatedSpectrum(r),
        ]);
    },
  );

  /** Sends a chosen or dropped file to the worker and switches to the file model. */
  async function loadFile(file: File): Promise<void> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    worker.postMessage({ file: { name: file.name, bytes } }, [bytes.buffer]);
    document.getElementById('file-name')!.textContent = file.name;
    const state = {
      ...readControls(probe.state, null).state,
      model: 'file' as const,
      file: file.name,
    };
    writeControls(state);
    request(state);
  }
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    document.body.classList.remove('dragging');
    const file = e.dataTransfer?.files[0];
    if (file) void loadFile(file);
  });

  const form = document.getElementById('controls') as HTMLFormElement;
  form.addEventListener('input', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.closest('#mc')) return; // simulation settings are not view state
    if (target.id === 'file') {
      if (target.files?.[0]) void loadFile(target.files[0]);
      return;
    }
    const { state, problems } = readControls(probe.state, target.id);
    inputProblems = problems;
    if (problems.length > 0) {
      showErrors(); // the rejected value stays in its field; the views keep the last valid state
      return;
    }
    writeControls(state); // model changes show other sliders and enable/disable d = ∞
    request(state);
  });
  form.addEventListener('submit', (e) => e.preventDefault());

  for (const { figure, chart, def } of views) wireExports(figure, chart, def.id);

  writeControls(probe.state);
  showErrors();
  request(probe.state);
}
