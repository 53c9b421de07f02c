import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from './run-cli.js';

describe('rmtkit demo', () => {
  it('reports SSR errors that agree with the theory and a spectrum close to Marchenko–Pastur', async () => {
    const out = JSON.parse((await runCli('demo', '--d', '300', '--seeds', '4', '--json')).out);
    const { theory, simulation } = out.ssr;
    // The deterministic equivalent has O(1/d) finite-size bias (docs/theory.md §2: within about 0.6
    // % at d = 500): allow 4 standard errors of the Monte Carlo mean plus 1 % for that bias.
    assert.ok(
      Math.abs(simulation.genError - theory.genError) <=
        4 * simulation.genStdErr + 0.01 * theory.genError,
    );
    assert.ok(
      Math.abs(simulation.trainError - theory.trainError) <=
        4 * simulation.trainStdErr + 0.01 * theory.trainError,
    );
    // Kolmogorov distance of a d = 300 spectrum to its limit law is O(1/d) up to edge effects.
    assert.ok(out.spectrum.kolmogorovDistance < 5 / 300, `KS ${out.spectrum.kolmogorovDistance}`);
    assert.ok(['native', 'js'].includes(out.backend));
  });

  it('rejects a bad dimension with exit code 2 and a message naming the flag', async () => {
    const { err, code } = await runCli('demo', '--d', '1');
    assert.equal(code, 2);
    assert.match(err, /invalid argument: --d must be an integer ≥ 2\. Value: "1"\./);
  });
});
