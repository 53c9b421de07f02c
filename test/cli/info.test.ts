import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from './run-cli.js';

describe('rmtkit info', () => {
  it('names the active backend, the available ones and whether the JS SIMD kernel runs', async () => {
    const { out, code } = await runCli('info', '--json');
    assert.equal(code, 0);
    const facts = JSON.parse(out);
    assert.ok(['native', 'js'].includes(facts.backend));
    assert.ok(facts.available.includes('js'));
    // Node 20 has WebAssembly SIMD: the JS backend's Gram/GEMM must not silently run scalar.
    assert.equal(facts.jsSimd, process.env.RMTKIT_SIMD !== '0');
    if (facts.backend === 'native') assert.match(facts.openblas, /OpenBLAS \d+\.\d+/);
  });
});
