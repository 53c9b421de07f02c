import type { WwFitOptions } from '../../diagnostics/ww/fit.js';
import { wwFitFromText } from '../../diagnostics/ww/fit-text.js';

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
 * WeightWatcher's fit arguments from the flags (undefined when none is given), parsed by
 * wwFitFromText, which the explorer's Weights view shares.
 * @throws {InvalidArgumentError} naming the flag; combinations WeightWatcher rejects name the
 * option.
 * @example wwFitFlags({ wwFit: 'tpl' }) // { fit: 'TPL' }
 */
export function wwFitFlags(flags: WwFitFlags): WwFitOptions | undefined {
  return wwFitFromText({
    fixFingers: flags.wwFixFingers,
    xminMax: flags.wwXminMax,
    xmax: flags.wwXmax,
    fit: flags.wwFit,
  });
}
