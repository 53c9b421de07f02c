import { performance } from 'node:perf_hooks';
import cliProgress from 'cli-progress';
import type { LinearOperator } from '../../operators/linear-operator.js';

/**
 * A progress bar on stderr counting an operator's products, shown only when `enabled` (a TTY and
 * no --json) and only once the run has taken a second: `op` is the operator to hand to the
 * estimator, `total` the most products the run can take (it may stop earlier on its error
 * target), `stop()` closes the bar.
 */
export function productProgress(
  op: LinearOperator,
  total: number,
  label: string,
  enabled: boolean,
): { op: LinearOperator; stop: () => void } {
  if (!enabled) return { op, stop: () => {} };
  const bar = delayedBar(label, 'matrix products (at most)', true);
  let done = 0;
  const tick = () => bar.update(++done, Math.max(total, done));
  const counted: LinearOperator = {
    ...op,
    matvec: (x) => {
      const y = op.matvec(x);
      tick();
      return y;
    },
    matmat: (x) => {
      const y = op.matmat(x);
      tick();
      return y;
    },
  };
  return { op: counted, stop: bar.stop };
}

/**
 * A progress bar on stderr that appears only once the work has taken a second (and only when
 * `enabled`): `update(done, total)` after each unit, `stop()` at the end. Used for matrix
 * products (`productProgress`) and for the layers of `rmtkit diagnose`.
 * @example const bar = delayedBar('diagnose', 'layers', progressEnabled(json)); bar.update(3, 16)
 */
export function delayedBar(
  label: string,
  unit: string,
  enabled: boolean,
): { update: (done: number, total: number) => void; stop: () => void } {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const started = performance.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total) {
      if (!bar && performance.now() - started > 1000) {
        bar = new cliProgress.SingleBar(
          {
            format: `${label} |{bar}| {value}/{total} ${unit} | {duration_formatted} | ETA {eta_formatted}`,
            stream: process.stderr,
            hideCursor: true,
            clearOnComplete: false,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      } else bar?.update(Math.min(done, total));
    },
    stop: () => bar?.stop(),
  };
}

/** Whether progress bars may be drawn: not in --json mode, and stderr is a terminal. */
export function progressEnabled(json: boolean | undefined): boolean {
  return !json && process.stderr.isTTY === true;
}
