/**
 * WeightWatcher's fix_fingers='xmin_peak' search range for xmin: xmin2 = 10^(left edge of the
 * fullest of 100 equal bins of log10 λ, the first on ties, binned as numpy.histogram does), then
 * (log10(0.95·xmin2), xminMax ?? 1.5·xmin2) — the first bound a logarithm, the second not, exactly
 * as WeightWatcher 0.7.5 passes them to powerlaw.Fit (which searches between their min and max).
 * @example xminPeakRange(Float64Array.of(1, 2, 2.1, 2.2, 9))[1] // 1.5 · xmin2
 */
export function xminPeakRange(nz: Float64Array, xminMax?: number): [number, number] {
  const logs = Array.from(nz, Math.log10);
  const bins = 100;
  let first = Math.min(...logs);
  let last = Math.max(...logs);
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const step = (last - first) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? last : i * step + first));
  const counts = new Array<number>(bins).fill(0);
  const denom = last - first;
  for (const x of logs) {
    let i = Math.trunc(((x - first) / denom) * bins);
    if (i === bins) i--;
    if (x < edges[i]!) i--;
    if (x >= edges[i + 1]! && i !== bins - 1) i++;
    counts[i]!++;
  }
  let peak = 0;
  for (let i = 1; i < bins; i++) if (counts[i]! > counts[peak]!) peak = i;
  const xmin2 = 10 ** edges[peak]!;
  return [Math.log10(0.95 * xmin2), xminMax ?? 1.5 * xmin2];
}
