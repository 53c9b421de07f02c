import type { HtmpFit } from './htmp-fit.js';
import { mpFit } from './mp-fit.js';
import type { PowerLawFit } from './powerlaw.js';

/** Seed 004's "5+1 phases" of a trained weight matrix (Martin & Mahoney). */
export type Phase =
  | 'random-like'
  | 'bleeding-out'
  | 'bulk+spikes'
  | 'bulk-decay'
  | 'heavy-tailed'
  | 'rank-collapse';

/** The phase of a layer with the numbers that decided it, one sentence each. */
export interface PhaseCall {
  phase: Phase;
  evidence: string[];
}

/** What {@link classifyPhase} reads: the ESD and the fits that rmtkit already made. */
export interface PhaseInput {
  /** λ = s², any order (M of them for a matrix; pooled slices of a convolution: any count). */
  evals: ArrayLike<number>;
  N: number;
  M: number;
  /** The power-law tail fit (fitPowerLaw). */
  fit: Pick<PowerLawFit, 'alpha' | 'xmin' | 'status'>;
  /** The HTMP fit, if made. */
  htmp?: HtmpFit;
}

/** The thresholds of the rules (docs/diagnostics.md, "Phases"). */
export const PHASE_RULES = {
  /** Share of λ below 1e-3 × mean λ that makes rank collapse. */
  zeroShare: 0.1,
  /** α below this with a tail of ≥ tailShare·M points is heavy-tailed. */
  heavyAlpha: 4,
  tailShare: 0.05,
  /** More than this share of λ above the MP edge: the bulk has no finite edge (bulk-decay). */
  spikeShare: 0.05,
  /** κ below this share of its maximum (MP-like end of the fit) is an HTMP, not MP, bulk. */
  kappaShare: 0.25,
  /** Spikes reaching beyond this multiple of the MP edge are distinct (bulk+spikes). */
  separation: 2,
} as const;

/**
 * Classifies a layer into the 5+1 phases of seed 004 ("Application 3") by rules on its ESD, in
 * this order: rank-collapse if ≥ 10 % of λ are below 1e-3·mean λ; heavy-tailed if the power-law
 * fit succeeded with α < 4 on a tail of ≥ 5 % of the M eigenvalues (a few spikes alone give a
 * small α too); bulk-decay if > 5 % of λ lie above the Tracy–Widom spike threshold of the MP bulk
 * fit (mpFit), or the HTMP fit's κ is below a quarter of its maximum (the bulk is better an HTMP
 * than an MP law); random-like with no spike; bleeding-out if the spikes stay within twice the MP
 * edge bulk_max; bulk+spikes otherwise. The thresholds are {@link PHASE_RULES}.
 * @example classifyPhase({ evals, N, M, fit: fitPowerLaw(evals) }).phase
 */
export function classifyPhase(input: PhaseInput): PhaseCall {
  const { N, M, fit, htmp } = input;
  const evals = Float64Array.from(input.evals).sort();
  const n = evals.length;
  const R = PHASE_RULES;
  let mean = 0;
  for (const v of evals) mean += v / n;
  let zeros = 0;
  for (const v of evals) if (v < 1e-3 * mean) zeros++;
  const evidence = [`${zeros} of ${n} λ below 1e-3·mean λ (rank collapse from ${R.zeroShare})`];
  if (zeros >= R.zeroShare * n) return { phase: 'rank-collapse', evidence };
  let tail = 0;
  for (const v of evals) if (v >= fit.xmin) tail++;
  evidence.push(
    fit.status === 'success'
      ? `power law α = ${fit.alpha.toFixed(2)} on ${tail} tail λ (heavy-tailed: α < ${R.heavyAlpha}, ≥ ${Math.ceil(R.tailShare * n)} tail λ)`
      : 'power-law fit failed',
  );
  if (fit.status === 'success' && fit.alpha < R.heavyAlpha && tail >= R.tailShare * n)
    return { phase: 'heavy-tailed', evidence };
  // A convolution's pooled ESD (n = M·rf values) is read as one max(N, n)×n matrix.
  const mp = mpFit(evals, Math.max(N, M, n), n);
  const lambdaMax = evals[n - 1]!;
  evidence.push(
    `${mp.num_spikes} λ above the MP spike threshold ${mp.spike_threshold.toPrecision(4)} (bulk_max ${mp.bulk_max.toPrecision(4)}, λmax ${lambdaMax.toPrecision(4)})`,
  );
  if (htmp)
    evidence.push(
      `HTMP κ = ${htmp.kappa.toPrecision(3)} of at most ${htmp.kappaMax.toPrecision(3)} (Kolmogorov distance ${htmp.distance.toFixed(3)})`,
    );
  if (mp.num_spikes > R.spikeShare * n || (htmp && htmp.kappa < R.kappaShare * htmp.kappaMax))
    return { phase: 'bulk-decay', evidence };
  if (mp.num_spikes === 0) return { phase: 'random-like', evidence };
  if (lambdaMax <= R.separation * mp.bulk_max) return { phase: 'bleeding-out', evidence };
  return { phase: 'bulk+spikes', evidence };
}
