/**
 * `count` log-spaced values from lo to hi (both included exactly); with `digits`, each value is
 * rounded to that many significant digits, so URLs and CLI lists stay short.
 * @example logGrid(0.1, 10, 3) // [0.1, 1, 10]
 */
export function logGrid(lo: number, hi: number, count: number, digits?: number): number[] {
  const a = Math.log(lo);
  const step = (Math.log(hi) - a) / (count - 1);
  const round = (v: number) => (digits === undefined ? v : Number(v.toPrecision(digits)));
  return Array.from({ length: count }, (_, i) =>
    i === count - 1 ? hi : round(Math.exp(a + i * step)),
  );
}
