import { allowsInfinite, type ExplorerState, type FileKind, type ModelKind } from './state.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const input = (id: string) => $<HTMLInputElement>(id);

/** α and λ sliders move in log10 units; values are rounded to 4 significant digits for readable URLs. */
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
  if (s.lambda !== 'opt') input('lambda').value = String(Math.log10(s.lambda));
  for (const label of document.querySelectorAll<HTMLElement>('[data-for]')) label.hidden = label.dataset.for !== s.model;
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
  $('lambda-out').textContent = s.lambda === 'opt' ? `λ* = ${usedLambda === null ? '…' : usedLambda.toPrecision(4)}` : String(s.lambda);
}

/**
 * Reads the state the form shows. A d outside [2, 2000] is clamped; d = ∞ only stays for models
 * that have a limit. α and λ keep their values in `previous` while their sliders have not left
 * that value's step, so a value from a shared link is not snapped by an unrelated change.
 * @example readControls(DEFAULT_STATE).alpha
 */
export function readControls(previous: ExplorerState): ExplorerState {
  const logSlider = (id: string, old: number | 'opt') => {
    const el = input(id);
    const unmoved = old !== 'opt' && Math.abs(Math.log10(old) - Number(el.value)) <= Number(el.step) / 2;
    return unmoved ? (old as number) : fromLog(el.value);
  };
  const model = $<HTMLSelectElement>('model').value as ModelKind;
  const typed = Math.round(Number(input('d').value));
  const finiteD = Number.isFinite(typed) ? Math.min(2000, Math.max(2, typed)) : 400;
  const d = input('d-inf').checked && allowsInfinite(model) ? Infinity : finiteD;
  return {
    model,
    rho: Number(input('rho').value),
    theta: Number(input('theta').value),
    exponent: Number(input('exponent').value),
    fileKind: $<HTMLSelectElement>('file-kind').value as FileKind,
    file: $('file-name').textContent === 'none' ? '' : $('file-name').textContent ?? '',
    d,
    alpha: logSlider('alpha', previous.alpha),
    lambda: input('lambda-opt').checked ? 'opt' : logSlider('lambda', previous.lambda),
  };
}
