import { InvalidArgumentError } from '../../errors.js';
import { fashionClasses } from '../data/fashion-classes.js';
import type { Experiment, Size } from '../types.js';
import { analyseSslBackground } from './ssl-background-analysis.js';
import {
  type SslBackgroundPoint,
  type SslBackgroundValues,
  simulateSslBackground,
} from './ssl-background-trial.js';

/** Parameters of {@link sslBackground}. */
export interface SslBackgroundConfig {
  /** Strength panel: background rank `rank` and strengths a (a = 0 is the clean baseline). */
  strength: { rank: number; values: number[] };
  /** Rank panel: background ranks s at strength `strength`. */
  rank: { strength: number; values: number[] };
  /** Pretexts swept (linear ridge; random-features ridge, N = 400 ReLU features). */
  pretexts: Array<SslBackgroundPoint['pretext']>;
  /** Pixel noise, unlabeled pairs m, test rows, ridge λ, labeled n grid, trials. */
  noise: number;
  unlabeled: number;
  test: number;
  lambda: number;
  ns: number[];
  trials: number;
}

const BASE = { noise: 0.1, lambda: 0.01 };
const SIZES: Record<Size, SslBackgroundConfig> = {
  tiny: {
    ...BASE,
    strength: { rank: 16, values: [0.25, 1] },
    rank: { strength: 0.5, values: [2, 16] },
    unlabeled: 2000,
    test: 1000,
    ns: [20, 200],
    pretexts: ['linear'],
    trials: 3,
  },
  quick: {
    ...BASE,
    strength: { rank: 16, values: [0.125, 0.25, 0.5, 1] },
    rank: { strength: 0.5, values: [1, 2, 4, 8, 32] },
    unlabeled: 2000,
    test: 1000,
    ns: [20, 50, 200],
    pretexts: ['linear'],
    trials: 4,
  },
  full: {
    ...BASE,
    strength: { rank: 16, values: [0.0625, 0.125, 0.25, 0.5, 1, 2] },
    rank: { strength: 0.5, values: [1, 2, 4, 8, 16, 32, 64] },
    unlabeled: 5000,
    test: 2000,
    ns: [20, 50, 100, 200, 500, 1000],
    pretexts: ['linear', 'random-features'],
    trials: 20,
  },
};

/** The distinct (s, a) settings of both panels, the clean image (0, 0) first. */
export function backgroundSettings(c: SslBackgroundConfig): Array<[number, number]> {
  const all: Array<[number, number]> = [
    [0, 0],
    ...c.strength.values.map((a): [number, number] => [c.strength.rank, a]),
    ...c.rank.values.map((s): [number, number] => [s, c.rank.strength]),
  ];
  return all.filter(([s, a], i) => all.findIndex(([t, b]) => t === s && b === a) === i);
}

/**
 * Experiment "ssl-background" (docs/ssl.md): reconstructive SSL on Fashion-MNIST with a shared
 * background of controlled rank s and strength a as the redundancy; SSL + ridge against supervised
 * ridge over the labeled n, with the stand-in ε̂ (Eckart–Young tail of ψ̂(X₁) beyond p = 10).
 */
export const sslBackground: Experiment<
  SslBackgroundConfig,
  SslBackgroundPoint,
  SslBackgroundValues
> = {
  name: 'ssl-background',
  version: 1,
  title: 'Reconstructive SSL on Fashion-MNIST with background patterns of rank s',
  description:
    "Reconstructive SSL (Du and Xiang, arXiv 2402.06884) on Fashion-MNIST (Debian's dataset-fashion-mnist, 14×14): X₁ = top half, X₂ = bottom half of an image with a shared random background from the span of s smooth cosine patterns (strength a) and pixel noise; linear ridge pretext (and, at full size, random-features ridge) on unlabeled pairs, ridge downstream for the ten classes against supervised ridge on X₁. The test risk rises with the redundancy's Eckart–Young tail ε̂ as s or a grows (Spearman ρ claimed ≥ 0.9), and SSL's advantage at small n shrinks.",
  config: (size) => SIZES[size],
  prepare(c) {
    const rows = fashionClasses('test', 2).x.rows;
    const needed = c.unlabeled + Math.max(...c.ns) + c.test;
    if (needed > rows)
      throw new InvalidArgumentError(
        'unlabeled',
        `+ max n + test must be ≤ ${rows} images`,
        needed,
      );
  },
  points: (c) =>
    c.pretexts.flatMap((pretext) =>
      backgroundSettings(c).map(([s, strength]) => ({
        s,
        strength,
        noise: c.noise,
        pretext,
        unlabeled: c.unlabeled,
        test: c.test,
        lambda: c.lambda,
        ns: c.ns.join(','),
      })),
    ),
  trials: (c) => c.trials,
  simulate: simulateSslBackground,
  analyse: analyseSslBackground,
};
