import { SPECTRUM_ROUTES } from '../../../src/diagnostics/spectrum-route.js';
import { DEFAULT_SETTINGS, type DiagnoseSettings } from './settings.js';

// The view's markup. Static text only (file names and results are set with textContent).
const HTML = `
<h2 id="diagnose-title">Weight diagnostics</h2>
<p class="intro">Spectral diagnostics of every weight matrix of a model, as <code>rmtkit diagnose --json</code>
computes them: power-law α of the eigenvalue tail, norms, Marchenko–Pastur and HTMP fits
(<a href="?view=theory#s10">docs/theory.md §10</a>). The files are read and diagnosed in this tab, in a
Web Worker; nothing is uploaded.</p>
<div class="drop-zone" data-role="drop">
  <p>Drop model files or a model folder here: ONNX, safetensors (or shards with their
  <code>*.index.json</code>), a TF.js <code>model.json</code> with its shards, <code>.npy</code>, <code>.npz</code>.</p>
  <label class="file-button">Choose files <input type="file" multiple data-role="files"
    accept=".onnx,.safetensors,.json,.bin,.npy,.npz,.data"></label>
  <label class="file-button">Choose a folder <input type="file" webkitdirectory data-role="folder"></label>
  <p class="chosen" data-role="chosen"></p>
</div>
<fieldset class="diagnose-options" data-role="options">
  <legend>Options (the CLI's flags)</legend>
  <label><input type="checkbox" name="mpFit"> --mp-fit</label>
  <label><input type="checkbox" name="htmp"> --htmp</label>
  <label><input type="checkbox" name="randomize"> --randomize</label>
  <label><input type="checkbox" name="fingers"> --fingers</label>
  <label>--fit <select name="fit"><option value="pl">pl</option><option value="tpl">tpl</option></select></label>
  <label>--spectrum <select name="spectrum"><option value="auto">auto</option><option value="svd">svd</option><option value="gram">gram</option><option value="gram-single">gram-single</option></select></label>
  <label>--split-qkv <select name="splitQkv"><option value="auto">auto</option><option value="never">never</option></select></label>
  <label>--depthwise <select name="depthwise"><option value="matrix">matrix</option><option value="slices">slices</option></select></label>
  <label>--columns <select name="columns"><option value="rmtkit">rmtkit</option><option value="ww">ww</option></select></label>
  <label>--ww-fix-fingers <select name="wwFixFingers"><option value="none">none</option><option value="clip_xmax">clip_xmax</option><option value="xmin_peak">xmin_peak</option></select></label>
  <label>--ww-xmin-max <input type="number" name="wwXminMax" min="0" step="any" placeholder="1.5 × peak" title="top of the xmin_peak search range"></label>
  <label>--ww-xmax <select name="wwXmax"><option value="none">none</option><option value="k">k</option><option value="force">force</option></select></label>
  <label>k <input type="number" name="wwXmaxK" step="1" title="--ww-xmax k: leave out the k largest eigenvalues"></label>
  <label>--ww-fit <select name="wwFit"><option value="pl">pl</option><option value="tpl">tpl</option><option value="e_tpl">e_tpl</option></select></label>
  <label>--min-evals <input type="number" name="minEvals" min="1" step="1"></label>
  <label>--max-evals <input type="number" name="maxEvals" min="1" step="1"></label>
  <label>--seed <input type="number" name="seed" min="0" step="1"></label>
</fieldset>
<p class="diagnose-options-error" data-role="options-error" role="alert"></p>
<div class="diagnose-run">
  <progress data-role="progress" max="1" value="0" aria-label="diagnosis progress"></progress>
  <button type="button" data-role="cancel" disabled>Cancel</button>
  <span role="status" data-role="status"></span>
</div>
<div class="diagnose-results" data-role="results" hidden>
  <div class="diagnose-downloads">
    <button type="button" data-role="csv">Download table (CSV)</button>
    <button type="button" data-role="json">Download table (JSON)</button>
    <button type="button" data-role="svg">Plot as SVG</button>
    <button type="button" data-role="png">Plot as PNG</button>
  </div>
  <ul class="diagnose-errors" data-role="errors"></ul>
  <div class="diagnose-table-box" data-role="table" tabindex="0" aria-label="per-layer metrics (scrolls sideways)"></div>
  <figure class="diagnose-plot">
    <div data-role="plot"></div>
    <figcaption data-role="caption"></figcaption>
  </figure>
</div>`;

/**
 * The view's elements, built from its markup, and the settings its option controls hold.
 * @example const ui = diagnoseView(); root.append(ui.section); ui.readSettings().mpFit
 */
export function diagnoseView() {
  const section = document.createElement('section');
  section.className = 'diagnose-view';
  section.setAttribute('aria-labelledby', 'diagnose-title');
  section.innerHTML = HTML;
  const role = <T extends HTMLElement>(name: string) =>
    section.querySelector(`[data-role="${name}"]`) as T;
  const options = role<HTMLFieldSetElement>('options');
  const field = (name: keyof DiagnoseSettings) =>
    options.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLSelectElement;
  for (const [name, value] of Object.entries(DEFAULT_SETTINGS)) {
    const input = field(name as keyof DiagnoseSettings);
    if (input instanceof HTMLInputElement && input.type === 'checkbox')
      input.checked = value === true;
    else input.value = String(value);
  }
  // Editable once `--ww-xmax k` is chosen (controlChanged).
  field('wwXmaxK').disabled = DEFAULT_SETTINGS.wwXmax !== 'k';
  return {
    section,
    dropZone: role<HTMLDivElement>('drop'),
    filesInput: role<HTMLInputElement>('files'),
    folderInput: role<HTMLInputElement>('folder'),
    chosen: role<HTMLParagraphElement>('chosen'),
    options,
    optionsError: role<HTMLParagraphElement>('options-error'),
    progress: role<HTMLProgressElement>('progress'),
    cancel: role<HTMLButtonElement>('cancel'),
    status: role<HTMLSpanElement>('status'),
    results: role<HTMLDivElement>('results'),
    errors: role<HTMLUListElement>('errors'),
    tableBox: role<HTMLDivElement>('table'),
    plotBox: role<HTMLDivElement>('plot'),
    caption: role<HTMLElement>('caption'),
    csv: role<HTMLButtonElement>('csv'),
    json: role<HTMLButtonElement>('json'),
    svg: role<HTMLButtonElement>('svg'),
    png: role<HTMLButtonElement>('png'),
    /**
     * After a control changed: the `--ww-xmax` count is editable only when k is chosen, and a
     * `--ww-*` control (which only WeightWatcher's columns show) switches the table to them.
     */
    controlChanged(name: string): void {
      if (name.startsWith('ww')) field('columns').value = 'ww';
      field('wwXmaxK').disabled = field('wwXmax').value !== 'k';
    },
    /** The settings the controls hold; numbers that are not whole fall back to the defaults. */
    readSettings(): DiagnoseSettings {
      const checked = (name: keyof DiagnoseSettings) => (field(name) as HTMLInputElement).checked;
      const whole = (name: 'minEvals' | 'maxEvals' | 'seed', min: number) => {
        const v = Number(field(name).value);
        return Number.isSafeInteger(v) && v >= min ? v : DEFAULT_SETTINGS[name];
      };
      // A select's value, or its default (the first option) when it is none of `others`.
      const choice = <K extends 'spectrum' | 'wwFixFingers' | 'wwXmax' | 'wwFit', V extends string>(
        name: K,
        others: readonly V[],
      ): V | DiagnoseSettings[K] => {
        const v = field(name).value;
        return others.includes(v as V) ? (v as V) : DEFAULT_SETTINGS[name];
      };
      return {
        mpFit: checked('mpFit'),
        htmp: checked('htmp'),
        randomize: checked('randomize'),
        fingers: checked('fingers'),
        fit: field('fit').value === 'tpl' ? 'tpl' : 'pl',
        spectrum: choice('spectrum', SPECTRUM_ROUTES),
        splitQkv: field('splitQkv').value === 'never' ? 'never' : 'auto',
        depthwise: field('depthwise').value === 'slices' ? 'slices' : 'matrix',
        columns: field('columns').value === 'ww' ? 'ww' : 'rmtkit',
        wwFixFingers: choice('wwFixFingers', ['clip_xmax', 'xmin_peak'] as const),
        wwXminMax: field('wwXminMax').value,
        wwXmax: choice('wwXmax', ['k', 'force'] as const),
        wwXmaxK: field('wwXmaxK').value,
        wwFit: choice('wwFit', ['tpl', 'e_tpl'] as const),
        minEvals: whole('minEvals', 1),
        maxEvals: whole('maxEvals', 1),
        seed: whole('seed', 0),
      };
    },
  };
}
