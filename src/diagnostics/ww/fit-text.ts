import { interval, parseNumber } from '../../constraints.js';
import { InvalidArgumentError } from '../../errors.js';
import type { WwFitOptions } from './fit.js';
import { checkWwFitOptions } from './fit-options.js';

/**
 * WeightWatcher's fit arguments as a user typed them (the CLI's `--ww-*` flags, the explorer's
 * form): text, or undefined where the argument is not given.
 */
export interface WwFitText {
  fixFingers?: string;
  xminMax?: string;
  xmax?: string;
  fit?: string;
}

/** The name a parse error carries for each argument: the CLI flag, also the explorer's label. */
export const WW_FIT_FLAG_NAMES = {
  fixFingers: '--ww-fix-fingers',
  xminMax: '--ww-xmin-max',
  xmax: '--ww-xmax',
  fit: '--ww-fit',
} as const satisfies Record<keyof WwFitText, string>;

const POSITIVE = interval(0, Infinity, '()');

/**
 * WeightWatcher's fit options from their text (undefined when none is given), checked with
 * checkWwFitOptions: the one parser of `rmtkit diagnose --ww-*` and the explorer's Weights view.
 * @throws {InvalidArgumentError} naming the flag ({@link WW_FIT_FLAG_NAMES}) for a value that does
 * not parse; combinations WeightWatcher rejects name the option (checkWwFitOptions).
 * @example wwFitFromText({ fixFingers: 'xmin_peak', fit: 'tpl' }) // { fixFingers: 'xmin_peak', fit: 'TPL' }
 */
export function wwFitFromText(text: WwFitText): WwFitOptions | undefined {
  const out: WwFitOptions = {};
  const { fixFingers, xminMax, xmax, fit } = text;
  const names = WW_FIT_FLAG_NAMES;
  if (fixFingers !== undefined) {
    if (fixFingers !== 'clip_xmax' && fixFingers !== 'xmin_peak')
      throw new InvalidArgumentError(
        names.fixFingers,
        'must be clip_xmax or xmin_peak',
        fixFingers,
      );
    out.fixFingers = fixFingers;
  }
  if (xminMax !== undefined) out.xminMax = parseNumber(names.xminMax, xminMax, POSITIVE);
  if (xmax !== undefined) {
    const k = Number(xmax);
    if (xmax !== 'force' && !(xmax.trim() !== '' && Number.isSafeInteger(k) && k !== 0))
      throw new InvalidArgumentError(names.xmax, "must be a nonzero integer or 'force'", xmax);
    out.xmax = xmax === 'force' ? 'force' : k;
  }
  if (fit !== undefined) {
    const upper = fit.toUpperCase();
    if (upper !== 'PL' && upper !== 'TPL' && upper !== 'E_TPL')
      throw new InvalidArgumentError(names.fit, 'must be pl, tpl or e_tpl', fit);
    out.fit = upper;
  }
  if (Object.keys(out).length === 0) return undefined;
  checkWwFitOptions(out);
  return out;
}
