import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnoseModel } from '../../src/diagnostics/model.js';
import { toWwRecord } from '../../src/diagnostics/ww/names.js';
import { readTfjs } from '../../src/io/weights/tfjs.js';
import { WW_INTEGER_COLUMNS } from './ww-integer-columns.js';

// Real trained weights nobody here wrote: face-api.js's TF.js models (@vladmandic/face-api, a
// devDependency), against bench/ww_reference.py on the same weights
// (test/fixtures/face_api_fixtures.py).
const MODELS = new URL('../../node_modules/@vladmandic/face-api/model/', import.meta.url).pathname;
const FIXTURE = new URL('../fixtures/diagnostics/face-api.json', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<
  string,
  Array<Record<string, unknown>>
>;

const MP_COLUMNS = ['num_spikes', 'sigma_mp', 'mp_softrank', 'W_scale', 'bulk_max', 'bulk_min'];

/** A fixture number: JSON null is Python's None (NaN here); 'inf', '-inf', 'nan' are strings. */
function number(value: unknown): number {
  if (value === null) return NaN;
  return typeof value === 'string' ? Number(value.replace('inf', 'Infinity')) : (value as number);
}

/**
 * Each reference column: counts and strings exactly, numbers to 1e-8 relative (infinities and NaN
 * exactly), sv_min to 1e-8·sv_max (a zero singular value comes out as 0 or ~1e-15·s_max).
 */
function compare(label: string, got: Record<string, unknown>, want: Record<string, unknown>) {
  for (const [key, raw] of Object.entries(want)) {
    if (key === 'mp_fit_error') continue;
    const actual = got[key];
    const where = `${label}.${key}: ${actual} vs ${raw}`;
    if (key === 'name' || key === 'status' || key === 'warning') assert.equal(actual, raw, where);
    else if (WW_INTEGER_COLUMNS.has(key)) assert.equal(actual, raw, where);
    else {
      const value = number(raw);
      if (!Number.isFinite(value)) assert.ok(Object.is(actual, value), where);
      else {
        const scale = Math.abs(key === 'sv_min' ? number(want.sv_max) : value);
        assert.ok(Math.abs((actual as number) - value) <= 1e-8 * scale, where);
      }
    }
  }
}

describe('face-api.js TF.js models (real trained weights) against bench/ww_reference.py', () => {
  for (const [model, rows] of Object.entries(expected)) {
    const manifest = `${MODELS}${model}-weights_manifest.json`;
    it(`${model}: all ${rows.length} layers WeightWatcher analyses, every column with mp_fit to 1e-8`, {
      skip: !existsSync(manifest),
    }, async () => {
      const result = await diagnoseModel([readTfjs(manifest)], { mpFit: true });
      const byName = new Map(result.layers.map((l) => [l.name, l]));
      // rmtkit may diagnose more than WeightWatcher only where it slices depthwise kernels
      // [k, k, C, 1], which WeightWatcher's min_evals = 10 skips (9 slices of one eigenvalue).
      const wanted = new Set(rows.map((r) => r.name));
      for (const layer of result.layers)
        if (!wanted.has(layer.name))
          assert.ok(
            layer.shape.length === 4 && layer.shape[3] === 1,
            `${layer.name} [${layer.shape}]`,
          );
      for (const want of rows) {
        const layer = byName.get(want.name as string);
        assert.ok(layer, `${model}: ${want.name} not diagnosed`);
        const got = toWwRecord(layer.ww) as Record<string, unknown>;
        compare(`${model} ${layer.name}`, got, want);
        // Where the reference's MP fit raises (an all-zero layer), rmtkit reports no fit.
        if (want.mp_fit_error !== undefined) {
          assert.equal(want.norm, 0);
          for (const key of MP_COLUMNS.slice(1)) assert.ok(!Number.isFinite(got[key]), key);
        } else for (const key of MP_COLUMNS) assert.ok(key in want, `${model}: ${key} in fixture`);
      }
    });
  }
});
