import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../src/cli/main.js';

/** Runs the CLI in-process and returns what it printed on stdout. */
async function capture(argv: string[]): Promise<string> {
  const lines: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => void lines.push(args.join(' '));
  try {
    await main(['node', 'rmtkit', ...argv]);
  } finally {
    console.log = original;
  }
  return lines.join('\n');
}

describe('rmtkit demo', () => {
  it('reports SSR errors that agree with the theory and a spectrum close to Marchenko–Pastur', async () => {
    const out = JSON.parse(await capture(['demo', '--d', '300', '--seeds', '4', '--json']));
    const { theory, simulation } = out.ssr;
    // The deterministic equivalent has O(1/d) finite-size bias (THEORY.md: within 0.5 % at d ≥ 400):
    // allow 4 standard errors of the Monte Carlo mean plus 1 % for that bias.
    assert.ok(Math.abs(simulation.genError - theory.genError) <= 4 * simulation.genStdErr + 0.01 * theory.genError);
    assert.ok(Math.abs(simulation.trainError - theory.trainError) <= 4 * simulation.trainStdErr + 0.01 * theory.trainError);
    // Kolmogorov distance of a d = 300 spectrum to its limit law is O(1/d) up to edge effects.
    assert.ok(out.spectrum.kolmogorovDistance < 5 / 300, `KS ${out.spectrum.kolmogorovDistance}`);
    assert.ok(['native', 'js'].includes(out.backend));
  });

  it('rejects a bad dimension with exit code 2 and a message naming the flag', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args.join(' '));
    try {
      await main(['node', 'rmtkit', 'demo', '--d', '1']);
    } finally {
      console.error = original;
    }
    assert.equal(process.exitCode, 2);
    process.exitCode = 0;
    assert.match(errors.join('\n'), /invalid argument: --d must be an integer ≥ 2\. Value: "1"\./);
  });
});
