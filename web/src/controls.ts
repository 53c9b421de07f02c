import { SSR_PARAMS } from '../../src/ssr/params.js';
import {
  allowsInfinite,
  type ExplorerState,
  explorerDimension,
  type FileKind,
  type ModelKind,
} from './state.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const input = (id: string) => $<HTMLInputElement>(id);

/**
 * α and λ sliders move in log10 units; values are rounded to 4 significant digits for readable
 * URLs.
 */
const fromLog = (v: string) => Number((10 ** Number(v)).toPrecision(4));

/**
 * Writes a state into the form controls (sliders, checkboxes, value labels) and shows only the
 * parameter slider of the chosen model.
 * @example writeControls(DEFAULT_STATE)
 */
export function writeControls(s: ExplorerState): void {
  $<HTMLSelectElement>('model').value = s.model;
  input('rho').value = String(s.rho);
  input('theta').value = String(s.theta);
  input('exponent').value = String(s.exponent);
  $<HTMLSelectElement>('file-kind').value = s.fileKind;
  $('file-name').textContent = s.file === '' ? 'none' : s.file;
  input('d-inf').checked = s.d === Infinity;
  input('d-inf').disabled = !allowsInfinite(s.model);
  input('d').disabled = s.d === Infinity || s.model === 'file';
  if (s.d !== Infinity) input('d').value = String(s.d);
  else if (input('d').value === '') input('d').value = '400';
  input('alpha').value = String(Math.log10(s.alpha));
  input('lambda-opt').checked = s.lambda === 'opt';
  input('lambda').disabled = s.lambda === 'opt';
  input('lambda-value').disabled = s.lambda === 'opt';
  if (s.lambda !== 'opt') {
    input('lambda').value = String(Math.log10(s.lambda)); // λ = 0 puts the log slider at its left end
    input('lambda-value').value = String(s.lambda);
  }
  for (const label of document.querySelectorAll<HTMLElement>('[data-for]'))
    label.hidden = label.dataset.for !== s.model;
  labels(s, null);
}

/**
 * Updates the value labels; `usedLambda` is λ*(α) in optimal mode once the worker has found it.
 * @example labels(state, result.lambda)
 */
export function labels(s: ExplorerState, usedLambda: number | null): void {
  $('rho-out').textContent = String(s.rho);
  $('theta-out').textContent = String(s.theta);
  $('exponent-out').textContent = String(s.exponent);
  $('alpha-out').textContent = String(s.alpha);
  $('lambda-out').textContent =
    s.lambda === 'opt'
      ? `λ* = ${usedLambda === null ? '…' : usedLambda.toPrecision(4)}`
      : String(s.lambda);
}

/**
 * Reads the state the form shows after the control `changed` moved (`null`: none, e.g. a file
 * drop). Typed values are checked with the library's constraints: a rejected d or λ keeps its
 * value in `previous`, and the library's error text goes into `problems`. α and λ keep their
 * values in `previous` unless their own control moved, so a value from a shared link (or λ = 0,
 * which the log slider cannot show) is not snapped by an unrelated change.
 * @example readControls(DEFAULT_STATE, 'alpha').state.alpha
 */
export function readControls(
  previous: ExplorerState,
  changed: string | null,
): { state: ExplorerState; problems: string[] } {
  const problems: string[] = [];
  const checked = (read: () => number, fallback: number) => {
    try {
      return read();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
      return fallback;
    }
  };
  const model = $<HTMLSelectElement>('model').value as ModelKind;
  let finiteD = previous.d === Infinity ? 400 : previous.d;
  if (changed === 'd') {
    finiteD = checked(() => explorerDimension(input('d').value), finiteD);
  }
  const d = input('d-inf').checked && allowsInfinite(model) ? Infinity : finiteD;
  let lambda = previous.lambda;
  if (input('lambda-opt').checked) lambda = 'opt';
  else if (changed === 'lambda') lambda = fromLog(input('lambda').value);
  else if (changed === 'lambda-value') {
    const fallback = previous.lambda === 'opt' ? 0.1 : previous.lambda;
    lambda = checked(
      () => SSR_PARAMS.lambda.check('lambda', Number(input('lambda-value').value.trim() || NaN)),
      fallback,
    );
  } else if (lambda === 'opt') lambda = fromLog(input('lambda').value);
  const state: ExplorerState = {
    model,
    rho: Number(input('rho').value),
    theta: Number(input('theta').value),
    exponent: Number(input('exponent').value),
    fileKind: $<HTMLSelectElement>('file-kind').value as FileKind,
    file: $('file-name').textContent === 'none' ? '' : ($('file-name').textContent ?? ''),
    d,
    alpha: changed === 'alpha' ? fromLog(input('alpha').value) : previous.alpha,
    lambda,
  };
  return { state, problems };
}
