import { InvalidArgumentError } from '../../../src/errors.js';
import type { DiagnoseOutput } from './compute.js';
import { csvFile, download, jsonFile } from './downloads.js';
import { plotWidth, svgToPng } from './esd-plot.js';
import { type ChosenFile, chosenFromDrop, chosenFromInput } from './files.js';
import type { DiagnoseReply, DiagnoseRequest } from './protocol.js';
import { type DiagnoseSettings, modelOptions } from './settings.js';
import { layerTable } from './table.js';
import { diagnoseView } from './template.js';
import './diagnose.css';

/**
 * What the view exposes as `window.__diagnose` for the browser tests: where a run stands, its
 * result, and the page-side wall time from the files being chosen to the result being drawn.
 */
export interface DiagnoseProbe {
  state: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  output: DiagnoseOutput | null;
  message: string;
  wallMs: number;
  runs: number;
}

/**
 * Mounts the weight-diagnostics view into `root`: drop (or choose) model files or a folder, and
 * the page diagnoses them in a Web Worker (the files are read there, nothing is uploaded) with
 * the metrics of `rmtkit diagnose --json`, then shows a sortable per-layer table, each layer's
 * log–log ESD with its power-law, MP and HTMP fits, and CSV/JSON downloads of the table.
 * Returns a function that stops any running diagnosis and removes the view.
 * @example const unmount = mountDiagnoseView(document.querySelector('main')!); … unmount();
 */
export function mountDiagnoseView(root: HTMLElement): () => void {
  const ui = diagnoseView();
  root.append(ui.section);
  const probe: DiagnoseProbe = { state: 'idle', output: null, message: '', wallMs: 0, runs: 0 };
  (window as unknown as { __diagnose: DiagnoseProbe }).__diagnose = probe;
  let worker: Worker | null = null;
  let chosen: ChosenFile[] = [];
  let selected = 0;
  const table = layerTable((k) => showPlot(k));
  ui.tableBox.append(table.element);

  const setState = (state: DiagnoseProbe['state'], message: string) => {
    probe.state = state;
    probe.message = message;
    ui.status.textContent = message;
    ui.cancel.disabled = state !== 'running';
    ui.section.dataset.state = state;
  };
  const stop = () => {
    worker?.terminate();
    worker = null;
  };

  const run = () => {
    stop();
    const settings = ui.readSettings();
    const problem = optionsProblem(settings);
    ui.optionsError.textContent = problem;
    if (problem) {
      // The CLI's message beside the form; no run starts, and no table of other options stays.
      ui.results.hidden = true;
      ui.progress.value = 0;
      probe.output = null;
      setState('error', problem);
      // The message itself stands under the options (an alert): said once, not twice.
      ui.status.textContent = 'not run: the options are rejected';
      return;
    }
    if (chosen.length === 0) {
      if (probe.state === 'error') setState('idle', 'no model chosen yet');
      return;
    }
    const started = performance.now();
    probe.runs++;
    ui.progress.removeAttribute('value');
    setState('running', `reading ${chosen.length} file${chosen.length === 1 ? '' : 's'}…`);
    const current = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker = current;
    current.onmessage = (event: MessageEvent<DiagnoseReply>) => {
      if (worker !== current) return;
      const reply = event.data;
      if (reply.type === 'progress') {
        if (reply.total === 0) {
          ui.progress.removeAttribute('value');
          ui.status.textContent = 'diagnosing the first layer…';
          return;
        }
        ui.progress.max = reply.total;
        ui.progress.value = reply.done;
        ui.status.textContent =
          reply.stage === 'reading'
            ? `reading file ${reply.done + 1} of ${reply.total}…`
            : `diagnosed ${reply.done} of ${reply.total} layers…`;
        return;
      }
      stop();
      if (reply.type === 'error') {
        ui.progress.value = 0;
        setState('error', reply.message);
        return;
      }
      ui.progress.max = 1;
      ui.progress.value = 1;
      void show(reply.output).then(() => {
        probe.wallMs = performance.now() - started;
        probe.output = reply.output;
        const { layers, skipped } = reply.output.report;
        const failed = reply.output.errors.length;
        setState(
          'done',
          `${layers.length} layers diagnosed, ${skipped.length} tensors skipped${failed ? `, ${failed} files unreadable` : ''} (${(probe.wallMs / 1000).toFixed(1)} s)`,
        );
      });
    };
    current.onerror = (event) => {
      if (worker !== current) return;
      stop();
      setState('error', `the diagnostics worker failed: ${event.message}`);
    };
    // File handles only: the worker reads the bytes, so the page never holds or copies them.
    const request: DiagnoseRequest = {
      files: chosen.map((c) => ({ path: c.path, data: c.file })),
      settings,
      plotWidth: plotWidth(ui.section.clientWidth),
    };
    current.postMessage(request);
  };

  const show = async (output: DiagnoseOutput) => {
    ui.results.hidden = false;
    table.show(output.rows, output.columns);
    // The plot in a later task: the table and the plot then never make one long task.
    await new Promise((resolve) => setTimeout(resolve, 0));
    ui.errors.replaceChildren(
      ...output.errors.map((e) =>
        Object.assign(document.createElement('li'), { textContent: e.message }),
      ),
    );
    showPlot(0, output);
  };

  const showPlot = (k: number, output = probe.output) => {
    if (!output?.plots[k]) return;
    selected = k;
    // The worker drew the plot: inserting its SVG is the page's only work.
    ui.plotBox.innerHTML = output.plots[k]!;
    ui.caption.textContent = `Log–log ESD of ${String(output.report.layers[k]!.name)}: empirical density, power-law fit from xmin, MP fit and HTMP fit (docs/theory.md §10).`;
  };

  const choose = (files: ChosenFile[]) => {
    if (files.length === 0) return;
    chosen = files;
    ui.chosen.textContent = files.map((f) => f.path).join(', ');
    run();
  };

  const listeners: Array<[EventTarget, string, EventListener]> = [
    [ui.filesInput, 'change', () => choose(takeFiles(ui.filesInput))],
    [ui.folderInput, 'change', () => choose(takeFiles(ui.folderInput))],
    [
      ui.dropZone,
      'dragover',
      (e) => {
        e.preventDefault();
        ui.dropZone.classList.add('over');
      },
    ],
    [ui.dropZone, 'dragleave', () => ui.dropZone.classList.remove('over')],
    [
      ui.dropZone,
      'drop',
      (e) => {
        e.preventDefault();
        ui.dropZone.classList.remove('over');
        void chosenFromDrop((e as DragEvent).dataTransfer).then(choose);
      },
    ],
    [
      ui.options,
      'change',
      (e) => {
        ui.controlChanged((e.target as HTMLInputElement).name);
        run();
      },
    ],
    [
      ui.cancel,
      'click',
      () => {
        stop();
        ui.progress.value = 0;
        setState('cancelled', 'cancelled');
      },
    ],
    [
      ui.csv,
      'click',
      () => probe.output && download('rmtkit-diagnose.csv', csvFile(probe.output), 'text/csv'),
    ],
    [
      ui.json,
      'click',
      () =>
        probe.output &&
        download('rmtkit-diagnose.json', jsonFile(probe.output), 'application/json'),
    ],
    [
      ui.svg,
      'click',
      () =>
        probe.output &&
        download(`esd-${selected + 1}.svg`, probe.output.plots[selected]!, 'image/svg+xml'),
    ],
    [
      ui.png,
      'click',
      () =>
        probe.output &&
        void svgToPng(probe.output.plots[selected]!, 2).then((png) =>
          download(`esd-${selected + 1}.png`, png, 'image/png'),
        ),
    ],
  ];
  for (const [target, type, listener] of listeners) target.addEventListener(type, listener);
  setState('idle', 'no model chosen yet');

  return () => {
    stop();
    for (const [target, type, listener] of listeners) target.removeEventListener(type, listener);
    ui.section.remove();
  };
}

export type { DiagnoseSettings };

/** The one-line message of the CLI for settings it rejects, or '' when they are valid. */
function optionsProblem(settings: DiagnoseSettings): string {
  try {
    modelOptions(settings);
    return '';
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error.message;
    throw error;
  }
}

/**
 * The files of an input, which is then cleared: choosing the same file again (after a cancel, or
 * after editing it) fires `change` again.
 */
function takeFiles(input: HTMLInputElement): ChosenFile[] {
  const files = chosenFromInput(input.files);
  input.value = '';
  return files;
}
