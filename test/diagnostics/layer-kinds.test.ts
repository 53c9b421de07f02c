import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { layerReadings } from '../../src/diagnostics/layer-kinds.js';
import { diagnoseModel, type LayerRow, type ModelOptions } from '../../src/diagnostics/model.js';
import { parseOnnx } from '../../src/io/weights/onnx-parse.js';
import { parseSafetensors } from '../../src/io/weights/safetensors-parse.js';
import type { TensorUse, WeightFile, WeightTensor } from '../../src/io/weights/tensor.js';
import { runCli } from '../cli/run-cli.js';
import { intField, lenField, safetensors, tensorProto } from '../hostile/build.js';

// Fixtures: python3 test/fixtures/layer_kinds_fixtures.py (numpy reshapes and SVDs).
interface Case {
  shape: number[];
  values: number[];
  matrix?: number[];
  ww_slices?: number[];
  parts?: number[][];
  fused?: number[];
}
const CASES = JSON.parse(
  readFileSync(new URL('../fixtures/diagnostics/layer_kinds.json', import.meta.url), 'utf8'),
) as Record<string, Case>;
const SILERO_LEGACY = new URL(
  '../../node_modules/@ricky0123/vad-web/dist/silero_vad_legacy.onnx',
  import.meta.url,
).pathname;

const fixture = (key: string, name = key, uses?: TensorUse[]): WeightTensor => {
  const c = CASES[key]!;
  const t = { name, shape: c.shape, data: Float64Array.from(c.values), dtype: 'float32' };
  return { ...t, floating: true, ...(uses && { uses }) };
};
const model = (tensors: WeightTensor[], file = 'model.safetensors'): WeightFile => ({
  file,
  format: 'safetensors',
  tensors,
  skipped: [],
});
const diagnose = (files: WeightFile[], options: ModelOptions = {}) =>
  diagnoseModel(files, { spectrum: 'svd', ...options });
const row = (layers: LayerRow[], name: string): LayerRow => {
  const found = layers.find((l) => l.name === name);
  assert.ok(found, `no row named ${name}: ${layers.map((l) => l.name).join(', ')}`);
  return found;
};

/**
 * Pooled eigenvalues equal numpy's, each within 64·n·ε·λmax: LAPACK's and numpy's SVDs are both
 * backward stable, so each singular value moves by at most a small multiple of n·ε·σmax.
 */
function assertEvals(actual: Float64Array, expected: readonly number[]): void {
  assert.equal(actual.length, expected.length);
  const top = Math.max(...expected);
  const tol = 64 * expected.length * Number.EPSILON * top;
  expected.forEach((e, k) =>
    assert.ok(Math.abs(actual[k]! - e) <= tol, `λ[${k}] = ${actual[k]}, numpy ${e}`),
  );
}

const f32 = (values: number[]) => new Uint8Array(Float32Array.from(values).buffer);

/** An ONNX NodeProto: inputs, one output, op type and an optional `group` (INT attribute). */
function node(op: string, inputs: string[], output: string, group?: number): number[] {
  const out: number[] = [];
  for (const i of inputs) out.push(...lenField(1, i));
  out.push(...lenField(2, output), ...lenField(3, `${op}_${output}`), ...lenField(4, op));
  if (group !== undefined)
    out.push(...lenField(5, [...lenField(1, 'group'), ...intField(3, group), ...intField(20, 2)]));
  return out;
}

/** An ONNX model with a depthwise, a grouped and a one-input-channel Conv, and a Gather. */
function convModel(): Uint8Array {
  const init = (name: string, key: string) =>
    lenField(
      5,
      tensorProto({ name, dims: CASES[key]!.shape, type: 1, raw: f32(CASES[key]!.values) }),
    );
  const graph = [
    ...lenField(1, node('Conv', ['x', 'dw.weight'], 'y1', 12)),
    ...lenField(1, node('Conv', ['x', 'grouped.weight'], 'y2', 2)),
    ...lenField(1, node('Conv', ['x', 'single.weight'], 'y3', 1)),
    ...lenField(1, node('Gather', ['onnx::Gather_7', 'ids'], 'y4')),
    ...init('dw.weight', 'dw3'),
    ...init('grouped.weight', 'grouped'),
    ...init('single.weight', 'dw3'),
    ...init('onnx::Gather_7', 'embedding'),
  ];
  return new Uint8Array([...intField(1, 8), ...lenField(7, graph)]);
}

describe('layer kinds', () => {
  it('reads a depthwise [C, 1, 3, 3] kernel as one C × 9 matrix (numpy reshape) and says WeightWatcher pools 9 slices of C × 1', async () => {
    const r = await diagnose([model([fixture('dw3')])], { minEvals: 9 });
    const l = row(r.layers, 'dw3');
    assert.equal(l.kind, 'depthwise');
    assert.equal(l.reading, 'rmtkit');
    assert.deepEqual([l.ww.N, l.ww.M, l.ww.rf], [12, 9, 1]);
    assertEvals(l.evals, CASES.dw3!.matrix!);
    assert.equal(l.ww_reading, 'WeightWatcher 0.7.5: 9 slices of 12 × 1, analysed (M·rf = 9)');
    const skipped = await diagnose([model([fixture('dw3')])]);
    assert.equal(skipped.layers.length, 0);
    assert.equal(
      skipped.skipped[0]!.reason,
      'too small: 9 eigenvalues < min-evals 10 (depthwise, read as one 12 × 9 matrix; WeightWatcher 0.7.5: 9 slices of 12 × 1, M·rf = 9 < min_evals 10: skipped)',
    );
  });

  it("diagnoses a 5 × 5 depthwise kernel as a 16 × 25 matrix, and with depthwise: 'slices' as WeightWatcher's 25 pooled slices", async () => {
    const own = row((await diagnose([model([fixture('dw5')])])).layers, 'dw5');
    assertEvals(own.evals, CASES.dw5!.matrix!);
    assert.equal(own.ww.numEvals, 16);
    assert.equal(own.ww_reading, 'WeightWatcher 0.7.5: 25 slices of 16 × 1, analysed (M·rf = 25)');
    const ww = row(
      (await diagnose([model([fixture('dw5')])], { depthwise: 'slices' })).layers,
      'dw5',
    );
    assert.deepEqual([ww.kind, ww.reading, ww.ww.rf, ww.ww.numEvals], ['depthwise', 'ww', 25, 25]);
    assert.equal(ww.ww_reading, undefined);
    assertEvals(ww.evals, CASES.dw5!.ww_slices!);
    // WeightWatcher's λ are those of the slices scaled by √(1/2) (conv2d_norm).
    const top = Math.max(...CASES.dw5!.ww_slices!);
    assert.ok(Math.abs(ww.ww.lambdaMax - top / 2) <= 1e-12 * top);
  });

  it('gives one C × (mult·taps) matrix for a depthwise kernel with multiplier 2, equal in the ONNX [C·mult, 1, kh, kw] and TF.js [kh, kw, C, mult] layouts', async () => {
    const conv: TensorUse[] = [{ op: 'Conv', input: 1, group: 6 }];
    const r = await diagnose(
      [
        model([
          fixture('dw_mult_torch', 'torch', conv),
          fixture('dw_mult_tf', 'block/depthwise_kernel'),
        ]),
      ],
      { minEvals: 6 },
    );
    const torch = row(r.layers, 'torch');
    const tf = row(r.layers, 'block/depthwise_kernel');
    for (const l of [torch, tf]) {
      assert.equal(l.kind, 'depthwise');
      assert.deepEqual([l.ww.N, l.ww.M], [18, 6]);
    }
    assert.equal(torch.groups, 6);
    assertEvals(torch.evals, CASES.dw_mult_torch!.matrix!);
    assertEvals(tf.evals, CASES.dw_mult_tf!.matrix!);
    assertEvals(tf.evals, [...torch.evals]);
  });

  it('reads an ONNX graph: Conv group = C is depthwise, 1 < group < C grouped (sliced as WeightWatcher), group 1 with one input channel a plain conv, Gather data an embedding', async () => {
    const file = parseOnnx(convModel(), 'convs.onnx');
    const uses = Object.fromEntries(file.tensors.map((t) => [t.name, t.uses]));
    assert.deepEqual(uses, {
      'dw.weight': [{ op: 'Conv', input: 1, group: 12 }],
      'grouped.weight': [{ op: 'Conv', input: 1, group: 2 }],
      'single.weight': [{ op: 'Conv', input: 1, group: 1 }],
      'onnx::Gather_7': [{ op: 'Gather', input: 0 }],
    });
    const r = await diagnose([file], { minEvals: 9 });
    const dw = row(r.layers, 'dw.weight');
    assert.deepEqual([dw.kind, dw.reading, dw.groups], ['depthwise', 'rmtkit', 12]);
    assertEvals(dw.evals, CASES.dw3!.matrix!);
    const grouped = row(r.layers, 'grouped.weight');
    assert.deepEqual([grouped.kind, grouped.reading, grouped.groups], ['grouped', 'ww', 2]);
    assert.deepEqual([grouped.ww.N, grouped.ww.M, grouped.ww.rf], [8, 4, 9]);
    assertEvals(grouped.evals, CASES.grouped!.ww_slices!);
    const single = row(r.layers, 'single.weight');
    assert.deepEqual([single.kind, single.reading, single.ww.rf], ['conv2d', 'ww', 9]);
    assertEvals(single.evals, CASES.dw3!.ww_slices!);
    const embedding = row(r.layers, 'onnx::Gather_7');
    assert.deepEqual([embedding.kind, embedding.reading], ['embedding', 'ww']);
    assertEvals(embedding.evals, CASES.embedding!.matrix!);
  });

  it('splits fused QKV tensors of a safetensors file into [q], [k], [v] by rows ([3d, d]) or columns ([d, 3d]), and keeps them whole with splitQkv: never', async () => {
    const names = ['attn.in_proj_weight', 'h.0.attn.c_attn.weight', 'transformer.wte.weight'];
    const keys = ['qkv_rows', 'qkv_cols', 'embedding'];
    const header: Record<string, unknown> = {};
    const bytes: number[] = [];
    keys.forEach((key, k) => {
      const c = CASES[key]!;
      header[names[k]!] = {
        dtype: 'F32',
        shape: c.shape,
        data_offsets: [bytes.length, bytes.length + 4 * c.values.length],
      };
      bytes.push(...f32(c.values));
    });
    const file = parseSafetensors(safetensors(header, Uint8Array.from(bytes)), 'qkv.safetensors');
    const split = await diagnose([file]);
    keys.slice(0, 2).forEach((key, k) => {
      const parts = ['q', 'k', 'v'].map((p) => row(split.layers, `${names[k]}[${p}]`));
      parts.forEach((l, p) => {
        assert.deepEqual([l.kind, l.reading, l.ww.N, l.ww.M], ['qkv', 'rmtkit', 12, 12]);
        assert.equal(l.ww.layerId, parts[0]!.ww.layerId);
        assert.equal(l.ww.name, l.name);
        assertEvals(l.evals, CASES[key]!.parts![p]!);
      });
      assert.match(
        parts[0]!.ww_reading!,
        /^WeightWatcher 0\.7\.5: one (36 × 12|12 × 36) matrix, analysed/,
      );
    });
    assert.equal(row(split.layers, 'transformer.wte.weight').kind, 'embedding');
    const whole = await diagnose([file], { splitQkv: 'never' });
    assert.deepEqual(
      whole.layers.map((l) => [l.name, l.kind]),
      [
        ['attn.in_proj_weight', 'dense'],
        ['h.0.attn.c_attn.weight', 'dense'],
        ['transformer.wte.weight', 'embedding'],
      ],
    );
    assertEvals(whole.layers[0]!.evals, CASES.qkv_rows!.fused!);
    assertEvals(whole.layers[1]!.evals, CASES.qkv_cols!.fused!);
  });

  it('leaves a fused-looking tensor whole when no dimension is three times the other, and an unnamed 2-D tensor dense', async () => {
    const c = CASES.qkv_rows!;
    const gqa: WeightTensor = { ...fixture('qkv_rows', 'mixer.Wqkv.weight'), shape: [24, 18] };
    const plain = fixture('qkv_rows', 'mlp.fc1.weight');
    const r = await diagnose([model([gqa, plain])]);
    assert.deepEqual(
      r.layers.map((l) => [l.name, l.kind, l.ww.N, l.ww.M]),
      [
        ['mixer.Wqkv.weight', 'dense', 24, 18],
        ['mlp.fc1.weight', 'dense', c.shape[0], c.shape[1]],
      ],
    );
  });

  it('recognises embeddings by their own name (the component before weight/kernel), not by a parent module', () => {
    const kindOf = (name: string) => {
      const readings = layerReadings(fixture('embedding', name));
      assert.ok(typeof readings !== 'string');
      return readings[0]!.kind;
    };
    const kinds = Object.fromEntries(
      [
        'bert.embeddings.word_embeddings.weight',
        'model.embed_tokens.weight',
        'transformer.wpe.weight',
        'embedding/embeddings',
        'bert.embeddings.projection.weight',
        'vit.patch_embed.proj.weight',
        'embed_out.weight',
      ].map((n) => [n, kindOf(n)]),
    );
    assert.deepEqual(kinds, {
      'bert.embeddings.word_embeddings.weight': 'embedding',
      'model.embed_tokens.weight': 'embedding',
      'transformer.wpe.weight': 'embedding',
      'embedding/embeddings': 'embedding',
      'bert.embeddings.projection.weight': 'dense',
      'vit.patch_embed.proj.weight': 'dense',
      'embed_out.weight': 'dense',
    });
  });

  it('names the depthwise reading and its ONNX group in the skip reasons of the Silero VAD (legacy) dw_conv kernels [C, 1, 5]', {
    skip: !existsSync(SILERO_LEGACY),
  }, async () => {
    const file = parseOnnx(readFileSync(SILERO_LEGACY), 'silero_vad_legacy.onnx');
    const r = await diagnose([file]);
    const reason = r.skipped.find((s) => s.name === 'model.first_layer.0.dw_conv.0.weight')?.reason;
    assert.equal(
      reason,
      'too small: 5 eigenvalues < min-evals 10 (depthwise with group 258, read as one 258 × 5 matrix; WeightWatcher 0.7.5: reads no 3-D tensor from ONNX files or state dicts (layer type UNKNOWN): skipped)',
    );
    // The STFT basis [258, 1, 256] feeds a Conv with group 1: a plain layer, not depthwise.
    assert.equal(row(r.layers, 'model.feature_extractor.forward_basis_buffer').kind, 'dense');
  });

  it('rejects a bad --split-qkv or --depthwise value with a one-line error naming the flag (exit 2)', async () => {
    const bad = await runCli('diagnose', 'nowhere', '--split-qkv', 'sometimes');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--split-qkv.*must be auto or never.*sometimes/);
    const worse = await runCli('diagnose', 'nowhere', '--depthwise', 'rows');
    assert.equal(worse.code, 2);
    assert.match(worse.err, /--depthwise.*must be matrix or slices.*rows/);
  });
});
