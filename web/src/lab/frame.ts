/**
 * The page of one lab view: its labelled controls, plots with SVG/PNG/CSV export, an alert for
 * what the library rejects, and the URL (`?view=<id>&<key>=<value>…`) kept equal to the form.
 * The view's numbers are computed in a Web Worker; `window.__lab` exposes the parameters, the
 * result, the update count and the measured latencies (control change → plots redrawn) for the
 * end-to-end tests.
 */
import { Chart } from '../chart.js';
import { escapeHtml, exportButtons, wireExports } from '../export.js';
import { activeParams, type LabParams, type LabView } from './types.js';

interface Reply {
  id: number;
  result?: unknown;
  error?: string;
  ms?: number;
}

/** What the page exposes as `window.__lab`. */
export interface LabProbe {
  view: string;
  params: LabParams;
  result: unknown;
  updates: number;
  latencies: Array<{ compute: number; total: number }>;
  error: string | null;
  charts: Record<string, Chart>;
}

/**
 * Builds the view's page into `root` and draws it for the URL's parameters.
 * @example mountLab(document.getElementById('lab-page')!, lawsView)
 */
export function mountLab(root: HTMLElement, view: LabView): void {
  const given = Object.fromEntries(new URLSearchParams(location.search));
  let params = activeParams(view, given);
  root.innerHTML = markup(view);
  const form = root.querySelector<HTMLFormElement>('form')!;
  const tooltip = document.getElementById('tooltip')!;
  const probe: LabProbe = {
    view: view.id,
    params,
    result: null,
    updates: 0,
    latencies: [],
    error: null,
    charts: {},
  };
  (window as unknown as { __lab: LabProbe }).__lab = probe;
  for (const plot of view.plots) {
    const figure = root.querySelector<HTMLElement>(`[data-view="${plot.id}"]`)!;
    const chart = new Chart(figure.querySelector<HTMLElement>('.plot')!, plot.spec, tooltip);
    probe.charts[plot.id] = chart;
    wireExports(figure, chart, plot.id);
  }
  const status = root.querySelector<HTMLElement>('.status')!;
  const alert = root.querySelector<HTMLElement>('[role="alert"]')!;
  const showError = (message: string | null) => {
    probe.error = message;
    alert.hidden = message === null;
    alert.textContent = message ?? '';
  };

  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  let latest = 0;
  let started = 0;
  let requested: LabParams = params;
  // What the library rejected in the opening link, shown until the form changes.
  let linkProblem: string | null = null;
  worker.onmessage = async (event: MessageEvent<Reply>) => {
    const { id, result, error, ms } = event.data;
    if (id !== latest) return; // a newer request is on its way
    if (error !== undefined) {
      showError(error);
      const defaults = activeParams(view, {});
      if (probe.updates === 0 && query(view.id, requested) !== query(view.id, defaults)) {
        // A link with a rejected value still opens: the defaults are drawn, the reason kept.
        linkProblem = error;
        writeForm(form, view, defaults);
        request(defaults);
      } else status.textContent = 'The plots show the last valid parameters.';
      return;
    }
    const rows = view.rows(result);
    await Promise.all(view.plots.map((p) => probe.charts[p.id]!.update(rows[p.id] ?? [])));
    if (id !== latest) return;
    const total = performance.now() - started;
    params = requested;
    Object.assign(probe, { params, result, updates: probe.updates + 1 });
    probe.latencies.push({ compute: ms ?? Number.NaN, total });
    showError(linkProblem);
    history.replaceState(null, '', `?${query(view.id, params)}`);
    status.textContent = `${view.summary(result)} Updated in ${total.toFixed(0)} ms (computed in ${(ms ?? Number.NaN).toFixed(0)} ms).`;
  };
  const request = (next: LabParams) => {
    requested = next;
    latest++;
    started = performance.now();
    status.textContent = 'computing…';
    worker.postMessage({ id: latest, view: view.id, params: next });
  };

  // Every field starts with a value, hidden ones too, so that switching to them computes.
  for (const c of view.controls)
    form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${c.key}"]`)!.value =
      given[c.key] ?? c.initial;
  writeForm(form, view, params);
  form.addEventListener('input', () => {
    const next = activeParams(view, readForm(form));
    writeForm(form, view, next); // a changed law shows its own parameters
    linkProblem = null;
    request(next);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  request(params);
}

/** The URL query of a view's parameters. */
function query(id: string, params: LabParams): string {
  return new URLSearchParams({ view: id, ...params }).toString();
}

function readForm(form: HTMLFormElement): LabParams {
  const out: LabParams = {};
  for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[name]'))
    out[el.name] = el.value;
  return out;
}

/** Puts the values into the fields and shows only the fields that apply. */
function writeForm(form: HTMLFormElement, view: LabView, params: LabParams): void {
  for (const c of view.controls) {
    const field = form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${c.key}"]`)!;
    const shown = c.key in params;
    field.closest('label')!.hidden = !shown;
    if (shown && field.value !== params[c.key]) field.value = params[c.key]!;
  }
}

function markup(view: LabView): string {
  const fields = view.controls
    .map((c) => {
      const id = `lab-${c.key}`;
      const attrs = [
        c.min === undefined ? '' : `min="${c.min}"`,
        c.max === undefined ? '' : `max="${c.max}"`,
        `step="${c.step ?? 1}"`,
      ].join(' ');
      const input =
        c.type === 'select'
          ? `<select id="${id}" name="${c.key}">${(c.choices ?? [])
              .map(([v, text]) => `<option value="${escapeHtml(v)}">${escapeHtml(text)}</option>`)
              .join('')}</select>`
          : `<input id="${id}" name="${c.key}" type="number" inputmode="decimal" ${attrs}>`;
      return `<label for="${id}">${escapeHtml(c.label)} ${input}</label>`;
    })
    .join('');
  const figures = view.plots
    .map(
      (p) =>
        `<figure data-view="${p.id}"><div class="plot" role="img" aria-label="${escapeHtml(p.title)}"></div><figcaption>${exportButtons(p.title)}</figcaption></figure>`,
    )
    .join('');
  return `<div class="layout">
  <form class="controls" autocomplete="off" aria-label="${escapeHtml(view.heading)} parameters">
    <h2>${escapeHtml(view.heading)}</h2>
    <p class="intro">${escapeHtml(view.intro)} <a href="?view=theory#s${view.section}">docs/theory.md §${view.section}</a></p>
    ${fields}
    <p class="status" role="status"></p>
    <p role="alert" class="error" hidden></p>
  </form>
  <section class="views" aria-label="plots">${figures}</section>
</div>`;
}
