import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sketchingOperator } from '../../src/sketch/operator.js';
import { FAMILIES, label, optionsFor } from './operator-helpers.js';

const SEEDS = 4000;
const L = 3;
const N = 5;
/**
 * Each of the N(N + 1)/2 = 15 distinct entries of SᵀS is tested at level 0.001/15 (Bonferroni,
 * family-wise level 0.001): |mean − δ_jk| ≤ z·(sample sd)/√SEEDS with z = Φ⁻¹(1 − 0.001/30) = 3.99.
 */
const Z = 3.99;

describe('sketchingOperator moments', () => {
  for (const d of FAMILIES) {
    it(`${label(d)}: E[SᵀS] = I (each entry's mean over ${SEEDS} seeds within ${Z} standard errors)`, () => {
      const sum = new Float64Array(N * N);
      const sumSq = new Float64Array(N * N);
      for (let seed = 0; seed < SEEDS; seed++) {
        const s = sketchingOperator(d, L, N, seed, optionsFor(d, N)).toDense();
        for (let j = 0; j < N; j++)
          for (let k = j; k < N; k++) {
            let v = 0;
            for (let i = 0; i < L; i++) v += s.get(i, j) * s.get(i, k);
            sum[j * N + k] += v;
            sumSq[j * N + k] += v * v;
          }
      }
      for (let j = 0; j < N; j++)
        for (let k = j; k < N; k++) {
          const mean = sum[j * N + k]! / SEEDS;
          const variance = Math.max(0, (sumSq[j * N + k]! - SEEDS * mean * mean) / (SEEDS - 1));
          const tolerance = Math.max(Z * Math.sqrt(variance / SEEDS), 1e-12);
          const expected = j === k ? 1 : 0;
          assert.ok(
            Math.abs(mean - expected) <= tolerance,
            `(${j}, ${k}): mean ${mean}, tolerance ${tolerance}`,
          );
        }
    });
  }
});
