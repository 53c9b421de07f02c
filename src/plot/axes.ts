/**
 * Axis domains and tick values computed from the data, so that every figure shows all of its
 * marks (points and error bars are never cut by the frame) and labels at least three ticks on each
 * axis. Vega's own defaults fall short on both: `nice: false` puts the extreme points on the frame,
 * and a log axis spanning less than a decade labels one tick or none.
 */

/** `linear` or `log` (base 10), the two scales the figures use. */
export type AxisScale = 'linear' | 'log';

/** Fraction of the axis length added on each side of the data (in log units for a log axis). */
const PADDING = 0.06;

/** Fewest labelled ticks an axis may show. */
export const MIN_TICKS = 3;

/** Most ticks an axis may show before labels crowd. */
const MAX_TICKS = 8;

/**
 * The plotted range of `values` widened by {@link PADDING} of its length on each side (in
 * log₁₀ units for a log axis, whose non-positive values are ignored). A single value, or none, gets
 * a range of ±10 % (a factor of 1.26 on a log axis) around it (around 1 when there is none).
 * @example paddedDomain([1, 2, 3], 'linear') // [0.88, 3.12]
 */
export function paddedDomain(values: Iterable<number>, scale: AxisScale): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (!Number.isFinite(v) || (scale === 'log' && v <= 0)) continue;
    const t = scale === 'log' ? Math.log10(v) : v;
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  if (lo > hi) [lo, hi] = scale === 'log' ? [0, 0] : [1, 1];
  let pad = (hi - lo) * PADDING;
  if (pad === 0) pad = scale === 'log' ? 0.1 : Math.abs(lo) * 0.1 || 0.1;
  const range: [number, number] = [lo - pad, hi + pad];
  return scale === 'log' ? [10 ** range[0], 10 ** range[1]] : range;
}

/**
 * Tick values inside `domain`: at least {@link MIN_TICKS} and at most about {@link MAX_TICKS}.
 * A linear axis steps by 1, 2 or 5 × 10ᵏ; a log axis uses powers of ten when the domain holds at
 * least three of them (every second or third one on a long axis), else the 1-2-5 or 1…9 multiples
 * of powers of ten, else (a domain narrower than a factor of about 1.3) linear ticks.
 * @example tickValues([0.004, 0.03], 'log') // [0.005, 0.01, 0.02]
 */
export function tickValues(domain: readonly [number, number], scale: AxisScale): number[] {
  const [lo, hi] = domain;
  if (scale === 'linear') return linearTicks(lo, hi);
  const first = Math.ceil(Math.log10(lo) - 1e-9);
  const last = Math.floor(Math.log10(hi) + 1e-9);
  if (last - first + 1 >= MIN_TICKS) {
    const stride = Math.ceil((last - first + 1) / MAX_TICKS);
    const ticks: number[] = [];
    for (let k = first; k <= last; k += stride) ticks.push(decimal(1, k));
    return ticks;
  }
  for (const mantissas of [
    [1, 2, 5],
    [1, 2, 3, 4, 5, 6, 7, 8, 9],
  ]) {
    const ticks = multiplesInside(lo, hi, mantissas);
    if (ticks.length >= MIN_TICKS) return thin(ticks);
  }
  return linearTicks(lo, hi);
}

/**
 * A d3 number format for the tick labels: up to three significant digits, trailing zeros trimmed,
 * and exponent notation only for very large or small numbers.
 */
export function tickFormat(ticks: readonly number[]): string {
  const largest = Math.max(...ticks.map(Math.abs));
  const smallest = Math.min(...ticks.filter((t) => t !== 0).map(Math.abs));
  return largest >= 1e5 || smallest < 1e-4 ? '.3~e' : '.3~r';
}

/** Ticks at multiples of the 1-2-5 step that gives MIN_TICKS…MAX_TICKS ticks inside [lo, hi]. */
function linearTicks(lo: number, hi: number): number[] {
  const span = hi - lo;
  const base = 10 ** Math.floor(Math.log10(span / MIN_TICKS));
  for (const m of [5, 2, 1, 0.5, 0.2, 0.1]) {
    const step = m * base;
    const ticks: number[] = [];
    for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
      ticks.push(cleanStep(k, step));
    }
    if (ticks.length >= MIN_TICKS) return thin(ticks);
  }
  return [lo, (lo + hi) / 2, hi];
}

/** The mantissas × 10ᵏ that fall inside [lo, hi], in increasing order. */
function multiplesInside(lo: number, hi: number, mantissas: readonly number[]): number[] {
  const ticks: number[] = [];
  for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++) {
    for (const m of mantissas) {
      const t = decimal(m, k);
      if (t >= lo * (1 - 1e-12) && t <= hi * (1 + 1e-12)) ticks.push(t);
    }
  }
  return ticks;
}

/** Every second (third, …) tick when there are more than MAX_TICKS, keeping at least MIN_TICKS. */
function thin(ticks: number[]): number[] {
  const stride = Math.ceil(ticks.length / MAX_TICKS);
  return stride === 1 ? ticks : ticks.filter((_, i) => i % stride === 0);
}

/** m × 10ᵏ without the binary error of `m * 10 ** k` for negative k (0.1 × 3 ≠ 0.3). */
function decimal(m: number, k: number): number {
  return k >= 0 ? m * 10 ** k : m / 10 ** -k;
}

/** k × step rounded to the step's decimal precision (2 × 0.1 is 0.2, not 0.20000000000000004). */
function cleanStep(k: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number((k * step).toFixed(Math.min(digits, 20)));
}
