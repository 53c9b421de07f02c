import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coupledBlocks } from '../../src/linalg/coupled-blocks.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { densePencil } from '../../src/rmt/deformed/dense-pencil.js';
import { deformedLaw } from '../../src/rmt/deformed/law.js';
import { generalPencil, type Pencil } from '../../src/rmt/deformed/pencil.js';
import { Prober } from '../../src/rmt/deformed/probe.js';
import type { DeformedRoot } from '../../src/rmt/deformed/root.js';

/**
 * A block-diagonal T after the permutation k ↦ 7k mod d (d = 36), and B = diag(b): an
 * equicorrelation block of 10 (ρ = 0.5) and one of 6 (ρ = 0.8), each with constant b (B commutes
 * with T there), an AR(1) block of 12 (0.6^|i−j|) with b varying (coupled), and 8 single
 * coordinates with their own b and t. `coupledB: false` makes b constant on the AR(1) block too.
 */
function blockModel(coupledB = true): { b: Float64Array; t: Matrix; blocks: number[][] } {
  const d = 36;
  const at = (k: number) => (7 * k) % d;
  const t = Matrix.zeros(d, d);
  const b = new Float64Array(d);
  const blocks: number[][] = [];
  const block = (start: number, size: number, entry: (i: number, j: number) => number) => {
    const members = Array.from({ length: size }, (_, i) => at(start + i));
    for (let i = 0; i < size; i++)
      for (let j = 0; j < size; j++) t.data[members[i] * d + members[j]] = entry(i, j);
    blocks.push(members);
    return members;
  };
  for (const k of block(0, 10, (i, j) => (i === j ? 1 : 0.5))) b[k] = 0.1;
  block(10, 12, (i, j) => 0.6 ** Math.abs(i - j)).forEach((k, i) => {
    b[k] = coupledB ? 0.1 + 0.02 * i : 0.2;
  });
  for (const k of block(22, 6, (i, j) => (i === j ? 1 : 0.8))) b[k] = 0.3;
  for (let s = 0; s < 8; s++) for (const k of block(28 + s, 1, () => 1 + 0.5 * s)) b[k] = 0.05 * s;
  return { b, t, blocks };
}

/** Density and F along a sweep of x over the range, each root warm-started from the last. */
function sweep(pencil: Pencil, range: [number, number], c: number) {
  const prober = new Prober(pencil, c, 1e-6);
  const out: Array<{ x: number; density: number; cdf: number; inBulk: boolean }> = [];
  let near: DeformedRoot | undefined;
  for (let i = 0; i <= 300; i++) {
    const x = range[0] + ((range[1] - range[0]) * i) / 300;
    const p = prober.full(x, near);
    assert.ok(p.root.converged, `root at x = ${x}`);
    near = p.root;
    out.push({ x, density: p.density, cdf: p.cdf, inBulk: p.root.inBulk });
  }
  return out;
}

describe('the general pencil splits T into coupled blocks', () => {
  it('sees the blocks of the test model', () => {
    const { t, blocks } = blockModel();
    const sorted = blocks.map((m) => [...m].sort((a, b) => a - b)).sort((p, q) => p[0] - q[0]);
    assert.deepEqual(coupledBlocks(t), sorted);
  });

  for (const coupledB of [true, false]) {
    it(`gives the dense solver's density and F to 1e-8 (${coupledB ? 'one block coupled' : 'every block commuting'})`, () => {
      const { b, t } = blockModel(coupledB);
      const c = 0.7;
      const dense = densePencil(b, t, c, { exactWeights: true });
      const split = generalPencil(b, t, c, { exactWeights: true });
      assert.equal(split.kind, coupledB ? 'general' : 'diagonal');
      const range: [number, number] = [dense.range[0], dense.range[1]];
      const reference = sweep(dense, range, c);
      const fast = sweep(split, range, c);
      let bulk = 0;
      reference.forEach((r, i) => {
        const f = fast[i];
        assert.equal(f.inBulk, r.inBulk, `bulk at x = ${r.x}`);
        if (r.inBulk) bulk++;
        assert.ok(Math.abs(f.density - r.density) <= 1e-8 * Math.max(1, r.density), `f(${r.x})`);
        assert.ok(Math.abs(f.cdf - r.cdf) <= 1e-8, `F(${r.x}): ${f.cdf} vs ${r.cdf}`);
      });
      assert.ok(bulk > 50, `${bulk} sweep points in the bulk`);
    });
  }

  it('finds the same components as the dense solver, and verifies', () => {
    const { b, t } = blockModel();
    const c = 0.7;
    const dense = deformedLaw(densePencil(b, t, c), c);
    const split = deformedLaw(generalPencil(b, t, c), c);
    assert.deepEqual(split.verification.problems, []);
    assert.equal(split.components.length, dense.components.length);
    const tol = 2e-6 * (dense.grid[dense.grid.length - 1] - dense.grid[0]);
    split.components.forEach((k, i) => {
      const r = dense.components[i];
      assert.ok(Math.abs(k.lo - r.lo) < tol && Math.abs(k.hi - r.hi) < tol, `component ${i}`);
      assert.ok(Math.abs(k.mass - r.mass) < 1e-9, `mass ${i}: ${k.mass} vs ${r.mass}`);
    });
  });
});
