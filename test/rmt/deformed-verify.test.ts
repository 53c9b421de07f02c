import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reportError } from '../../src/cli/main.js';
import { VerificationError } from '../../src/errors.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { densePencil } from '../../src/rmt/deformed/dense-pencil.js';
import { deformedLaw } from '../../src/rmt/deformed/law.js';
import { diagonalPencil, type Pencil } from '../../src/rmt/deformed/pencil.js';
import { isOutlierMass } from '../../src/rmt/spectral-components.js';
import { verifySpectrum } from '../../src/rmt/verify-spectrum.js';

/** Σ = blocks of equicorrelation ρ (size 10): a spectrum with gaps and separated eigenvalues. */
function blocks(rhos: number[]): Matrix {
  const d = 10 * rhos.length;
  const t = Matrix.zeros(d, d);
  rhos.forEach((rho, k) => {
    for (let i = 10 * k; i < 10 * (k + 1); i++)
      for (let j = 10 * k; j < 10 * (k + 1); j++) t.data[i * d + j] = i === j ? 1 : rho;
  });
  return t;
}

describe('self-verification of the deformed law', () => {
  it('classifies by eigenvalue count: an outlier holds mass·d in [0.5, 1.5]', () => {
    assert.equal(isOutlierMass(1 / 100, 100), true);
    assert.equal(isOutlierMass(0, 100), false);
    assert.equal(isOutlierMass(0.3 / 100, 100), false);
    assert.equal(isOutlierMass(2 / 100, 100), false);
  });

  it('verifies the dense general solver on a covariance with gaps: masses sum to 1, F monotone', () => {
    const t = blocks([0.3, 0.6, 0.9]);
    const b = new Float64Array(30).fill(0.1);
    // The dense pencil itself (generalPencil would split these commuting blocks off).
    const law = deformedLaw(densePencil(b, t, 0.8), 0.8);
    assert.deepEqual(law.verification.problems, []);
    assert.ok(Math.abs(law.verification.massSum - 1) < 1e-12);
    for (const k of law.components) assert.ok(k.mass * 30 >= 0.5);
    for (let i = 1; i < law.grid.length; i++)
      assert.ok(law.cdfValues[i] >= law.cdfValues[i - 1] - 1e-12);
  });

  it('fails when the pencil under-reports its range (the top components are never found)', () => {
    const t = Float64Array.from({ length: 40 }, (_, k) => (k < 36 ? 1 : 30 + k));
    const honest = diagonalPencil(new Float64Array(40).fill(0.1), t, 0.5);
    const lying: Pencil = { ...honest, at: honest.at, range: [honest.range[0], 4] };
    assert.equal(deformedLaw(honest, 0.5).verification.verified, true);
    const check = deformedLaw(lying, 0.5).verification;
    assert.equal(check.verified, false);
    assert.ok(Math.abs(check.massSum - 36 / 40) < 1e-9, `${check.massSum}`);
    assert.match(check.problems.join('; '), /masses sum to 0\.9/);
  });

  it('fails on a decreasing F, a negative density, a sliver component and overlapping pieces', () => {
    const grid = [0, 1, 2, 3];
    const check = verifySpectrum(
      {
        grid,
        density: [0, -0.1, 0.2, 0],
        components: [
          { lo: 0, hi: 2, mass: 0.7 },
          { lo: 1.5, hi: 3, mass: 0.002 },
        ],
        cdf: (x) => [0, 0.5, 0.4, 0.702][x],
      },
      100,
    );
    assert.equal(check.verified, false);
    const text = check.problems.join('; ');
    for (const what of [
      /sum to 0\.702/,
      /decreases/,
      /density negative/,
      /0\.200 eigenvalues/,
      /overlap/,
    ])
      assert.match(text, what);
  });

  it('is reported by the CLI in one line with exit code 1', () => {
    const lines: string[] = [];
    const { error } = console;
    console.error = (...a: unknown[]) => lines.push(a.join(' '));
    try {
      const code = reportError(
        new VerificationError('general spectrum solver', ['masses sum to 0.9']),
      );
      assert.equal(code, 1);
    } finally {
      console.error = error;
    }
    assert.deepEqual(lines, [
      'rmtkit: general spectrum solver failed its self-check: masses sum to 0.9',
    ]);
  });
});
