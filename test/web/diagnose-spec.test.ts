import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compile, type TopLevelSpec } from 'vega-lite';
import { diagnoseModel } from '../../src/diagnostics/model.js';
import { randomStream } from '../../src/random/stream.js';
import { esdOverlaySpec } from '../../web/src/diagnose/esd-spec.js';

type Row = { kind: string; x: number; y: number };

/** ∫ y dx of one curve of the spec by the trapezoid rule on its (log-spaced) points. */
function integral(rows: Row[], prefix: string): number {
  const curve = rows.filter((r) => r.kind.startsWith(prefix)).sort((a, b) => a.x - b.x);
  assert.ok(curve.length > 100, `${prefix}: ${curve.length} points`);
  let sum = 0;
  for (let k = 1; k < curve.length; k++)
    sum += ((curve[k]!.y + curve[k - 1]!.y) / 2) * (curve[k]!.x - curve[k - 1]!.x);
  return sum;
}

describe('the ESD plot of the weights view (web/src/diagnose/esd-spec.ts)', async () => {
  const [N, M] = [400, 200];
  const data = new Float64Array(N * M);
  randomStream(11).child('esd-spec').fill(data, 'normal');
  const { layers } = await diagnoseModel(
    [
      {
        file: 'w.npy',
        format: 'npy',
        skipped: [],
        tensors: [{ name: 'w', shape: [N, M], data, dtype: 'npy', floating: true }],
      },
    ],
    { mpFit: true, htmp: true },
  );
  const layer = layers[0]!;
  const spec = esdOverlaySpec(layer) as unknown as { data: { values: Row[] }; layer: object[] };

  it('draws the MP fit as a density of λ holding the bulk’s share (M − spikes)/M of the mass', () => {
    // 161 trapezoids, log-spaced over a bulk λ+/λ− ≈ 34 wide (h = ln 34/160 ≈ 0.022), on a density
    // with square-root edges: error ~ h^1.5 ≈ 3e-3.
    const share = (M - layer.num_spikes!) / M;
    const mass = integral(spec.data.values, 'MP fit');
    assert.ok(Math.abs(mass - share) < 5e-3, `mass ${mass}, share ${share}`);
  });

  it('draws the HTMP fit as a density of λ holding nearly all the mass between λmin and λmax', () => {
    // The law's tails beyond the observed range hold a few per cent for n = 200 eigenvalues.
    const mass = integral(spec.data.values, 'HTMP fit');
    assert.ok(mass > 0.9 && mass <= 1.001, `mass ${mass}`);
  });

  it('lists the ESD, the power law and both fits in one legend', () => {
    const vega = compile(spec as unknown as TopLevelSpec).spec as { legends?: object[] };
    assert.equal(vega.legends?.length, 1);
    const domain = (spec.layer[0] as { encoding: { color: { scale: { domain: string[] } } } })
      .encoding.color.scale.domain;
    for (const prefix of ['ESD', 'power law α =', 'MP fit σ =', 'HTMP fit κ ='])
      assert.ok(
        domain.some((d) => d.startsWith(prefix)),
        `${prefix} in ${domain.join(', ')}`,
      );
  });
});
