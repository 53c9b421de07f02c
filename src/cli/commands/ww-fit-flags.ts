import { interval } from '../../constraints.js';
import type { WwFitOptions } from '../../diagnostics/ww/fit.js';
import { checkWwFitOptions } from '../../diagnostics/ww/fit-options.js';
import { InvalidArgumentError } from '../../errors.js';
import { parseNumber } from '../inputs.js';

/** `rmtkit diagnose`'s flags for WeightWatcher's fit arguments (the ww columns). */
export interface WwFitFlags {
  wwFixFingers?: string;
  wwXminMax?: string;
  wwXmax?: string;
  wwFit?: string;
}

/** Each flag with its help line, for commander's option(flag, help). */
export const WW_FIT_FLAGS = {
  fixFingers: [
    '--ww-fix-fingers <clip_xmax|xmin_peak>',
    "WeightWatcher's fix_fingers for the ww columns (clip_xmax is also what --fingers sets)",
  ],
  xminMax: ['--ww-xmin-max <x>', "WeightWatcher's xmin_max: top of the xmin_peak search range"],
  xmax: [
    '--ww-xmax <k|force>',
    "WeightWatcher's xmax: leave out the k largest eigenvalues, or 'force' (fit up to λ_max)",
  ],
  fit: [
    '--ww-fit <pl|tpl|e_tpl>',
    "WeightWatcher's fit: PL, TPL (adds Lambda) or E_TPL (TPL at xmin_peak)",
  ],
} as const satisfies Record<string, readonly [string, string]>;

/**
 * WeightWatcher's fit arguments from the flags (undefined when none is given).
 * @throws {InvalidArgumentError} naming the flag; combinations WeightWatcher rejects name the
 * option.
 * @example wwFitFlags({ wwFit: 'tpl' }) // { fit: 'TPL' }
 */
export function wwFitFlags(flags: WwFitFlags): WwFitOptions | undefined {
  const out: WwFitOptions = {};
  const { wwFixFingers, wwXminMax, wwXmax, wwFit } = flags;
  if (wwFixFingers !== undefined) {
    if (wwFixFingers !== 'clip_xmax' && wwFixFingers !== 'xmin_peak')
      throw new InvalidArgumentError(
        '--ww-fix-fingers',
        'must be clip_xmax or xmin_peak',
        wwFixFingers,
      );
    out.fixFingers = wwFixFingers;
  }
  if (wwXminMax !== undefined)
    out.xminMax = parseNumber('--ww-xmin-max', wwXminMax, interval(0, Infinity, '()'));
  if (wwXmax !== undefined) {
    const k = Number(wwXmax);
    if (wwXmax !== 'force' && !(wwXmax.trim() !== '' && Number.isSafeInteger(k) && k !== 0))
      throw new InvalidArgumentError('--ww-xmax', "must be a nonzero integer or 'force'", wwXmax);
    out.xmax = wwXmax === 'force' ? 'force' : k;
  }
  if (wwFit !== undefined) {
    const fit = wwFit.toUpperCase();
    if (fit !== 'PL' && fit !== 'TPL' && fit !== 'E_TPL')
      throw new InvalidArgumentError('--ww-fit', 'must be pl, tpl or e_tpl', wwFit);
    out.fit = fit;
  }
  if (Object.keys(out).length === 0) return undefined;
  checkWwFitOptions(out);
  return out;
}
