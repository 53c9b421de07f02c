import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnoseModel } from '../../src/diagnostics/model.js';
import { reportColumns, textTable } from '../../src/diagnostics/report.js';
import type { WeightFile } from '../../src/io/weights/tensor.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';

const layer = (name: string, rows: number, cols: number, seed: number) => ({
  name,
  shape: [rows, cols],
  data: gaussianMatrix(rows, cols, seed).data,
  dtype: 'float32',
  floating: true,
});

describe('diagnostics text table', () => {
  const prefix = 'model/decoder/transformer_block_with_a_long_name/';
  const file: WeightFile = {
    file: 'model.safetensors',
    format: 'safetensors',
    tensors: [
      layer(`${prefix}attention.query_projection.weight`, 120, 60, 1),
      layer(`${prefix}mlp.up_projection_with_an_even_longer_name.weight`, 150, 50, 2),
    ],
    skipped: [],
  };
  const columns = reportColumns({ mpFit: true, randomize: true });

  it('fits a terminal width: shared prefix once, names elided, least essential columns named as left out', async () => {
    const result = await diagnoseModel([file], { mpFit: true, randomize: true, seed: 1 });
    for (const width of [80, 120, 200]) {
      const lines = textTable(result, columns, { width }).split('\n');
      for (const line of lines.slice(0, -1)) assert.ok(line.length <= width, `${width}: ${line}`);
      assert.equal(lines[0], `layer names below continue ${prefix}`);
      const header = lines[1]!.split(/\s+/);
      const essential = width >= 120 ? ['alpha', 'alpha_weighted', 'phase'] : ['alpha', 'phase'];
      for (const kept of essential) assert.ok(header.includes(kept), `${width}: ${kept}`);
      const last = lines.at(-1)!;
      const hidden = /^(\d+) more columns? \(([^)]*)\)/.exec(last);
      assert.ok(hidden, last);
      const names = hidden[2]!.split(', ');
      assert.equal(names.length, Number(hidden[1]));
      // Every column is either shown or named as left out, never both.
      for (const c of columns.filter((c) => c !== 'N' && c !== 'M'))
        assert.ok(header.includes(c) !== names.includes(c), c);
    }
    assert.ok(
      textTable(result, columns, { width: 80 }).split('\n')[3]!.startsWith('…'),
      'a name longer than the name column is elided at the front',
    );
  });

  it('prints every column without a width (a pipe or a file)', async () => {
    const result = await diagnoseModel([file], {});
    const plain = reportColumns({});
    const header = textTable(result, plain).split('\n')[0]!.split(/\s+/);
    assert.deepEqual(header, ['layer', 'N×M', ...plain.filter((c) => c !== 'N' && c !== 'M')]);
  });
});
