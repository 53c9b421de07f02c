import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeNpy } from '../../src/io/npy.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import { runCli as run } from '../cli/run-cli.js';

const SILERO = new URL(
  '../../node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx',
  import.meta.url,
).pathname;
const WEIGHTS = new URL('../fixtures/diagnostics/weights/', import.meta.url).pathname;

describe('rmtkit diagnose', () => {
  it('reports the Silero VAD v5 ONNX model: one row per layer with the listed metrics, a summary, skipped tensors (--json)', {
    skip: !existsSync(SILERO),
  }, async () => {
    const { out, code } = await run('diagnose', SILERO, '--mp-fit', '--randomize', '--json');
    assert.equal(code, 0);
    const r = JSON.parse(out);
    assert.deepEqual(Object.keys(r), ['files', 'layers', 'summary', 'skipped']);
    // 6 matrices (STFT basis, LSTM weights) and 8 Conv1D kernels [out, in, 3] sliced into rf = 3
    assert.equal(r.layers.length, 14);
    assert.equal(r.layers.filter((l: { ww: { rf: number } }) => l.ww.rf === 3).length, 8);
    for (const key of [
      'norm',
      'log_norm',
      'spectral_norm',
      'log_spectral_norm',
      'stable_rank',
      'matrix_rank',
      'entropy',
      'alpha',
      'alpha_weighted',
      'log_alpha_norm',
      'xmin',
      'D',
      'sigma',
      'sigma_mp',
      'num_spikes',
      'mp_softrank',
      'rand_distance',
      'rand_num_spikes',
      'warning',
    ]) {
      assert.ok(key in r.layers[0], key);
    }
    assert.ok(
      r.layers.some(
        (l: { name: string; N: number; M: number }) =>
          l.name.endsWith('decoder.rnn.weight_ih') && l.N === 512 && l.M === 128,
      ),
    );
    assert.ok(
      Math.abs(
        r.summary.alpha - r.layers.reduce((s: number, l: { alpha: number }) => s + l.alpha, 0) / 14,
      ) < 1e-12,
    );
    assert.ok(
      r.skipped.some((s: { reason: string }) =>
        /^a vector, not a matrix \(shape \[128\]\)/.test(s.reason),
      ),
    );
    // WeightWatcher's columns under their own names
    const ww = r.layers[0].ww;
    for (const key of [
      'layer_id',
      'rf',
      'Q',
      'num_evals',
      'sv_max',
      'lambda_max',
      'rank_loss',
      'weak_rank_loss',
      'detX_num',
      'detX_val',
      'sigma_mp',
      'ww_softrank',
      'max_rand_eval',
      'rand_distance',
    ])
      assert.ok(key in ww, key);
  });

  it("writes WeightWatcher's details columns with its names (--columns ww) and fails with the reasons when no layer is diagnosable", async () => {
    const { out, code } = await run('diagnose', WEIGHTS, '--columns', 'ww', '--mp-fit');
    assert.equal(code, 0);
    const header = out.split('\n')[0]!.split(',');
    assert.deepEqual(header.slice(0, 8), [
      'file',
      'layer_id',
      'name',
      'N',
      'M',
      'rf',
      'Q',
      'num_evals',
    ]);
    assert.ok(header.includes('sigma_mp') && header.includes('log_alpha_norm'));
    const none = await run('diagnose', WEIGHTS, '--min-evals', '100000');
    assert.equal(none.code, 2);
    assert.match(none.err, /has no diagnosable layer \(\d+ tensors skipped: .*too small/);
  });

  it('writes CSV with a header, one line per layer and a summary line (--csv), reading every model under a folder', async () => {
    const { out, code } = await run('diagnose', WEIGHTS, '--csv', '--fingers', '--fit', 'tpl');
    assert.equal(code, 0);
    const lines = out.trim().split('\n');
    const header = lines[0]!.split(',');
    assert.deepEqual(header.slice(0, 5), ['file', 'name', 'shape', 'N', 'M']);
    assert.ok(
      header.includes('Lambda') && header.includes('num_fingers') && header.includes('raw_alpha'),
    );
    const names = lines.slice(1, -1).map((l) => l.split(',')[1]);
    assert.deepEqual(names.sort(), ['dense/kernel', 'quant/kernel']);
    assert.match(lines[lines.length - 1]!, /^,summary,,/);
  });

  it('prints a table, grouped skip messages and writes the ESD and MP plots as SVG and PNG (--plots)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rmtkit-plots-'));
    const { out, code } = await run(
      'diagnose',
      join(WEIGHTS, 'tfjs', 'model.json'),
      '--mp-fit',
      '--plots',
      dir,
      '--min-evals',
      '11',
    );
    assert.equal(code, 0);
    assert.match(out, /^layer\s+N×M\s+norm\s+log_norm/);
    assert.match(out, /summary \(mean of 1\)/);
    assert.match(
      out,
      /skipped 2 tensors: too small — dense\/kernel \(too small: 10 eigenvalues < min-evals 11\); half\/kernel/,
    );
    assert.match(
      out,
      /skipped 1 tensor: not a floating-point tensor — ints \(not a floating-point tensor \(int32\)\)/,
    );
    const files = readdirSync(dir).sort();
    assert.deepEqual(files, [
      '001-quant_kernel.esd.png',
      '001-quant_kernel.esd.svg',
      '001-quant_kernel.mp.png',
      '001-quant_kernel.mp.svg',
    ]);
    assert.match(readFileSync(join(dir, files[1]!), 'utf8'), /^<svg[\s\S]*α = /);
    assert.deepEqual([...readFileSync(join(dir, files[0]!)).subarray(1, 4)], [0x50, 0x4e, 0x47]);
  });

  it('names unreadable files and goes on with the others; fails in one line when nothing can be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rmtkit-bad-'));
    writeFileSync(join(dir, 'broken.onnx'), Uint8Array.of(0x3a, 0x40, 1, 2));
    writeNpy(join(dir, 'fc.npy'), gaussianMatrix(60, 30, 1));
    const mixed = await run('diagnose', dir, '--json');
    assert.equal(mixed.code, 0);
    assert.match(mixed.err, /broken\.onnx byte \d+: malformed protobuf/);
    assert.deepEqual(
      JSON.parse(mixed.out).layers.map((l: { name: string }) => l.name),
      ['fc'],
    );
    const bad = await run('diagnose', join(dir, 'broken.onnx'));
    assert.equal(bad.code, 2);
    const missing = await run('diagnose', join(dir, 'nothing-here.onnx'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nothing-here\.onnx: cannot be read \(ENOENT\)/);
    const usage = await run('diagnose', dir, '--json', '--csv');
    assert.equal(usage.code, 2);
  });
});
