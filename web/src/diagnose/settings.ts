import type { ModelOptions } from '../../../src/diagnostics/model.js';
import type { SpectrumRoute } from '../../../src/diagnostics/spectrum-route.js';
import { type WwFitText, wwFitFromText } from '../../../src/diagnostics/ww/fit-text.js';

/** The options of the page, named as `rmtkit diagnose`'s flags. */
export interface DiagnoseSettings {
  mpFit: boolean;
  htmp: boolean;
  randomize: boolean;
  fingers: boolean;
  fit: 'pl' | 'tpl';
  /** How each layer's spectrum is computed: the Gram matrix where it resolves it, or an SVD. */
  spectrum: SpectrumRoute;
  /** Fused attention projections split into q, k, v ('auto') or kept whole ('never'). */
  splitQkv: 'auto' | 'never';
  /** Depthwise kernels as one channels × taps matrix, or WeightWatcher's slices. */
  depthwise: 'matrix' | 'slices';
  /** The table's and the CSV's columns: rmtkit's, or WeightWatcher's details (`--columns`). */
  columns: 'rmtkit' | 'ww';
  /** `--ww-fix-fingers`; 'none' leaves the flag out. */
  wwFixFingers: 'none' | 'clip_xmax' | 'xmin_peak';
  /** `--ww-xmin-max` as typed; empty leaves the flag out. */
  wwXminMax: string;
  /** `--ww-xmax`: left out, the integer typed in wwXmaxK, or 'force'. */
  wwXmax: 'none' | 'k' | 'force';
  wwXmaxK: string;
  /** `--ww-fit`; 'pl' is WeightWatcher's default and leaves the flag out. */
  wwFit: 'pl' | 'tpl' | 'e_tpl';
  minEvals: number;
  maxEvals: number;
  seed: number;
}

/** `rmtkit diagnose`'s defaults plus the MP and HTMP fits, which the page's plots draw. */
export const DEFAULT_SETTINGS: DiagnoseSettings = {
  mpFit: true,
  htmp: true,
  randomize: false,
  fingers: false,
  fit: 'pl',
  spectrum: 'auto',
  splitQkv: 'auto',
  depthwise: 'matrix',
  columns: 'rmtkit',
  wwFixFingers: 'none',
  wwXminMax: '',
  wwXmax: 'none',
  wwXmaxK: '1',
  wwFit: 'pl',
  minEvals: 10,
  maxEvals: 15000,
  seed: 0,
};

/** The `--ww-*` flags the settings give, as typed (absent where left out). */
export function wwFitText(s: DiagnoseSettings): WwFitText {
  return {
    fixFingers: s.wwFixFingers === 'none' ? undefined : s.wwFixFingers,
    xminMax: s.wwXminMax.trim() === '' ? undefined : s.wwXminMax,
    xmax: s.wwXmax === 'none' ? undefined : s.wwXmax === 'force' ? 'force' : s.wwXmaxK,
    fit: s.wwFit === 'pl' ? undefined : s.wwFit,
  };
}

/**
 * The diagnoseModel options of the settings, as `rmtkit diagnose` builds them from the same
 * flags (the `--ww-*` ones through the CLI's parser, wwFitFromText).
 * @throws {InvalidArgumentError} with the CLI's one-line message for a `--ww-*` value or a
 * combination that WeightWatcher's fit rejects (checkWwFitOptions).
 * @example modelOptions(DEFAULT_SETTINGS).fit // 'PL'
 */
export function modelOptions(s: DiagnoseSettings): Omit<ModelOptions, 'onLayer'> {
  return {
    fit: s.fit === 'tpl' ? 'TPL' : 'PL',
    fixFingers: s.fingers,
    ww: wwFitFromText(wwFitText(s)),
    mpFit: s.mpFit,
    htmp: s.htmp,
    randomize: s.randomize,
    minEvals: s.minEvals,
    maxEvals: s.maxEvals,
    seed: s.seed,
    spectrum: s.spectrum,
    splitQkv: s.splitQkv,
    depthwise: s.depthwise,
  };
}

/**
 * The command line that computes the same numbers: `rmtkit diagnose`, the path (the one file, the
 * folder the files were chosen from, else `<folder>`), and every flag whose value is not the
 * CLI's default. The downloads carry it.
 * @example diagnoseCommand(['vad.onnx'], DEFAULT_SETTINGS) // 'rmtkit diagnose vad.onnx --mp-fit --htmp'
 */
export function diagnoseCommand(files: readonly string[], s: DiagnoseSettings): string {
  const flags: string[] = [];
  for (const name of ['mpFit', 'htmp', 'randomize', 'fingers'] as const)
    if (s[name]) flags.push(flag(name));
  const cliDefaults: Partial<Record<keyof DiagnoseSettings, unknown>> = {
    fit: 'pl',
    spectrum: 'auto',
    splitQkv: 'auto',
    depthwise: 'matrix',
    columns: 'rmtkit',
    minEvals: 10,
    maxEvals: 15000,
    seed: 0,
  };
  for (const [name, value] of Object.entries(cliDefaults))
    if (s[name as keyof DiagnoseSettings] !== value)
      flags.push(`${flag(name)} ${s[name as keyof DiagnoseSettings]}`);
  for (const [name, value] of Object.entries(wwFitText(s)))
    if (value !== undefined) flags.push(`${flag(`ww-${name}`)} ${value}`);
  const quote = (f: string) => (/^[\w./@:+-]+$/.test(f) ? f : `'${f.replace(/'/g, `'\\''`)}'`);
  const path = modelPath(files);
  return ['rmtkit diagnose', path === '<folder>' ? path : quote(path), ...flags].join(' ');
}

/** What `rmtkit diagnose` is given for these chosen files (paths relative to a chosen folder). */
function modelPath(files: readonly string[]): string {
  if (files.length === 1) return files[0]!;
  const top = new Set(files.map((f) => (f.includes('/') ? f.slice(0, f.indexOf('/')) : '')));
  const [folder] = top;
  return top.size === 1 && folder ? `${folder}/` : '<folder>';
}

/** `mpFit` → `--mp-fit`, `ww-xminMax` → `--ww-xmin-max`. */
function flag(name: string): string {
  return `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}
