import { InvalidArgumentError } from '../../errors.js';
import type { WwFitOptions } from './fit.js';

/**
 * WeightWatcher's check_params on the fit arguments (with pl_package 'powerlaw' wherever it needs
 * it: see wwPowerLaw in fit.ts), and xminMax without the xmin_peak search it bounds.
 * @throws {InvalidArgumentError} naming the option.
 * @example checkWwFitOptions({ fixFingers: 'xmin_peak', xmax: -1 }) // throws (xmax)
 */
export function checkWwFitOptions(o: WwFitOptions): void {
  const { xmax, fixFingers, fit } = o;
  // WeightWatcher ignores xmin_max outside the xmin_peak search; rmtkit says so rather than
  // return a fit the user did not ask for.
  if (o.xminMax !== undefined && fixFingers !== 'xmin_peak' && fit !== 'E_TPL')
    throw new InvalidArgumentError(
      'xminMax',
      "applies only with fixFingers 'xmin_peak' or fit 'E_TPL'",
      o.xminMax,
    );
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
}
