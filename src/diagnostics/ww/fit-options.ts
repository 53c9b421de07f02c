import { InvalidArgumentError } from '../../errors.js';
import type { WwFitOptions } from './fit.js';

/**
 * WeightWatcher's check_params on the fit arguments, plus the combinations rmtkit does not
 * reproduce (see wwPowerLaw in fit.ts).
 * @throws {InvalidArgumentError} naming the option.
 * @example checkWwFitOptions({ fixFingers: 'xmin_peak', xmax: -1 }) // throws (xmax)
 */
export function checkWwFitOptions(o: WwFitOptions): void {
  const { xmax, fixFingers, fit } = o;
  if (xmax !== undefined && xmax !== 'force' && !(Number.isInteger(xmax) && xmax !== 0))
    throw new InvalidArgumentError('xmax', "must be a nonzero integer or 'force'", xmax);
  if (fixFingers && typeof xmax === 'number')
    throw new InvalidArgumentError('xmax', 'cannot be an integer with fixFingers', xmax);
  if (fit === 'E_TPL' && fixFingers === 'clip_xmax')
    throw new InvalidArgumentError(
      'fixFingers',
      "cannot be 'clip_xmax' with fit 'E_TPL'",
      fixFingers,
    );
  if (fixFingers === 'clip_xmax' && (fit === 'TPL' || xmax === 'force'))
    throw new InvalidArgumentError(
      'fixFingers',
      "'clip_xmax' is supported with fit 'PL' and no xmax 'force' only",
      fixFingers,
    );
}
