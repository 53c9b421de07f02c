import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { findExperiment } from '../../src/experiments/registry.js';
import { runTrial } from '../../src/experiments/trial.js';
import {
  availableBackends,
  backend,
  setBackend,
  setBlasThreads,
} from '../../src/linalg/backend.js';

// docs/reproduce.md, "Native and JS backends": trial values agree to ≤ 2.2·10⁻¹¹ relative to
// the largest value of the same quantity (≤ 3·10⁻¹³ where nothing is nearly singular or a
// near-cancellation), measured over the quick experiments; checked here at the tiny size on
// seed 0 of every grid point.
const BOUNDS: Record<string, number> = {
  'error-vs-alpha': 2.2e-11,
  'error-vs-lambda': 2.2e-11,
  spectrum: 2.2e-11,
  bbp: 3e-13,
  sketching: 3e-13,
};

const skip = availableBackends().includes('native') ? false : 'native addon not built';

describe('rmtkit reproduce: native and JS backends', { skip }, () => {
  const active = backend();
  const threads = skip ? undefined : setBlasThreads(1);
  after(() => {
    setBackend(active);
    if (threads !== undefined) setBlasThreads(threads);
  });

  for (const [name, bound] of Object.entries(BOUNDS))
    it(`${name}: trial values agree to ${bound} of the quantity's largest value`, () => {
      const experiment = findExperiment(name);
      let worst = 0;
      for (const params of experiment.points(experiment.config('tiny'))) {
        setBackend('native');
        const a = runTrial(experiment, params, 0).values;
        setBackend('js');
        const b = runTrial(experiment, params, 0).values;
        for (const [key, va] of Object.entries(a)) {
          const xa = Array.isArray(va) ? va : [va];
          const xb = b[key] as number | number[];
          const ys = Array.isArray(xb) ? xb : [xb];
          const largest = Math.max(...xa.map(Math.abs));
          xa.forEach((x, i) => {
            if (x !== ys[i]) worst = Math.max(worst, Math.abs(x - ys[i]) / largest);
          });
        }
      }
      assert.ok(worst <= bound, `${worst} > ${bound}`);
    });
});
