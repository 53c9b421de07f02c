import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { sliceSpectra } from '../../src/diagnostics/slice-spectra.js';
import { weightWatcherColumns } from '../../src/diagnostics/ww/columns.js';
import type { WwFitOptions } from '../../src/diagnostics/ww/fit.js';
import { toWwRecord } from '../../src/diagnostics/ww/names.js';
import { type WwSlices, wwSlices } from '../../src/diagnostics/ww/slices.js';
import { readNpz } from '../../src/io/npz.js';
import { WW_INTEGER_COLUMNS } from './ww-integer-columns.js';

const DIR = new URL('../fixtures/diagnostics/', import.meta.url).pathname;
const arrays = readNpz(`${DIR}ww.npz`);
const expected = JSON.parse(readFileSync(`${DIR}ww.json`, 'utf8')) as Record<
  string,
  {
    plain: Record<string, unknown>;
    fingers: Record<string, unknown>;
    options: Record<string, Record<string, unknown>>;
    evals: number[];
  }
>;
/** test/fixtures/ww_fixtures.py's FIT_OPTIONS, camelCase. */
const FIT_OPTIONS: Record<string, WwFitOptions> = {
  xmin_peak: { fixFingers: 'xmin_peak' },
  xmin_peak_max: { fixFingers: 'xmin_peak', xminMax: 1e9 },
  xmax_force: { xmax: 'force' },
  xmax_clip: { xmax: -3 },
  xmax_value: { xmax: 61 },
  tpl: { fit: 'TPL' },
  e_tpl: { fit: 'E_TPL' },
  xmin_peak_force: { fixFingers: 'xmin_peak', xmax: 'force' },
  tpl_force: { fit: 'TPL', xmax: 'force' },
  tpl_xmax_value: { fit: 'TPL', xmax: 61 },
  clip_tpl: { fixFingers: 'clip_xmax', fit: 'TPL' },
  clip_force: { fixFingers: 'clip_xmax', xmax: 'force' },
  clip_tpl_force: { fixFingers: 'clip_xmax', fit: 'TPL', xmax: 'force' },
  clip_tpl_long: { fixFingers: 'clip_xmax', fit: 'TPL', maxFingers: 12, fingerThreshold: 100 },
  clip_force_fail: { fixFingers: 'clip_xmax', xmax: 'force', fingerThreshold: 100 },
  clip_tpl_force_fail: { fixFingers: 'clip_xmax', fit: 'TPL', xmax: 'force', fingerThreshold: 100 },
};
/**
 * Every column of the reference: counts exactly, numbers to 1e-8 relative, None and NaN as NaN;
 * sv_min to 1e-8·sv_max (a zero singular value comes out as 0 or ~1e-15·s_max depending on the
 * SVD).
 */
function compare(label: string, got: Record<string, unknown>, want: Record<string, unknown>) {
  assert.deepEqual(Object.keys(got).sort(), Object.keys(want).sort(), `${label}: columns`);
  for (const [key, value] of Object.entries(want)) {
    const actual = got[key];
    if (value === null || value === 'nan')
      assert.ok(Number.isNaN(actual), `${label}.${key}: ${actual} vs ${value ?? 'None'}`);
    else if (typeof value === 'number' && WW_INTEGER_COLUMNS.has(key))
      assert.equal(actual, value, `${label}.${key}`);
    else if (typeof value === 'number')
      assert.ok(
        Math.abs((actual as number) - value) <=
          1e-8 * Math.abs(key === 'sv_min' ? (want.sv_max as number) : value),
        `${label}.${key}: ${actual} vs ${value}`,
      );
    else assert.equal(actual, value, `${label}.${key}`);
  }
}

function perms(name: string): Int32Array[] {
  const p = arrays.get(`perm_${name}`)!;
  const [count, size] = p.shape as [number, number];
  return Array.from({ length: count }, (_, k) =>
    Int32Array.from(p.data.subarray(k * size, (k + 1) * size)),
  );
}

describe("WeightWatcher's columns against bench/ww_reference.py (WeightWatcher 0.7.5's logic)", () => {
  const routes = new Map<string, string>();
  after(() => {
    // the parity above covers both routes: the rank-deficient fixture needs the SVD
    assert.equal(routes.get('rankdef'), 'svd');
    assert.equal(routes.get('noise'), 'gram');
  });
  let layerId = 0;
  for (const [name, want] of Object.entries(expected)) {
    const id = layerId++;
    const t = arrays.get(name)!;
    const slices = wwSlices(t.shape, t.data) as WwSlices;
    it(`${name} [${t.shape.join('×')}]: every column with mp_fit and randomize agrees to 1e-8`, () => {
      const got = weightWatcherColumns(slices, id, name, {
        mpFit: true,
        permutations: perms(name),
      });
      compare(name, toWwRecord(got), want.plain);
    });
    it(`${name}: every column agrees to 1e-8 with the spectrum from diagnoseModel's route (Gram where resolved)`, async () => {
      const levels = [1e-6, 1e-5].map((t) => t / slices.scale ** 2);
      const { singular, method } = await sliceSpectra(slices.mats, 'auto', [...levels, 1e-5]);
      routes.set(name, method);
      const got = weightWatcherColumns(slices, id, name, {
        mpFit: true,
        permutations: perms(name),
        singular,
      });
      compare(`${name} (${method})`, toWwRecord(got), want.plain);
    });
    it(`${name}: fix_fingers='clip_xmax' agrees (same xmin, same α)`, () => {
      const got = weightWatcherColumns(slices, id, name, { fixFingers: 'clip_xmax' });
      compare(`${name} fingers`, toWwRecord(got), want.fingers);
    });
    for (const [option, row] of Object.entries(want.options)) {
      const fitOptions = FIT_OPTIONS[option]!;
      it(`${name}: ${JSON.stringify(fitOptions)} agrees (same xmin, same α)`, () => {
        const got = weightWatcherColumns(slices, id, name, fitOptions);
        compare(`${name} ${option}`, toWwRecord(got), row);
      });
    }
  }
});
