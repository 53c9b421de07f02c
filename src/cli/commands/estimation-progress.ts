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
  const started = performance.now();
  let done = 0;
  let bar: cliProgress.SingleBar | undefined;
  const tick = () => {
    done++;
    if (!bar && performance.now() - started > 1000) {
      bar = new cliProgress.SingleBar(
        {
          format: `${label} |{bar}| {value}/{total} matrix products (at most) | {duration_formatted}`,
          stream: process.stderr,
          hideCursor: true,
          clearOnComplete: false,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(total, done), done);
    } else bar?.update(Math.min(done, total));
  };
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
  return { op: counted, stop: () => bar?.stop() };
}

/** Whether progress bars may be drawn: not in --json mode, and stderr is a terminal. */
export function progressEnabled(json: boolean | undefined): boolean {
  return !json && process.stderr.isTTY === true;
}
