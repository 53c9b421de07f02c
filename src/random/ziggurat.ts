import { fdlibmExp, fdlibmLog } from './fdlibm.js';

/**
 * Standard normals by the ziggurat method of Marsaglia and Tsang ("The ziggurat method for
 * generating random variables", J. Stat. Softw. 5(8), 2000) with 256 layers and 52-bit
 * abscissae, the layout numpy's `standard_normal` uses. One 64-bit word w = hi·2³² + lo (two
 * consecutive stream words) gives the layer i = w mod 2⁸, the sign (bit 8) and a 52-bit integer
 * m (bits 9–60); x = ±m·wᵢ is returned when m < kᵢ, which happens 98.8 % of the time, with one
 * multiplication and no transcendental function. Otherwise the wedge test or Marsaglia's tail
 * algorithm decide, with further words; both use the deterministic exp/log of fdlibm.ts, and so
 * do the tables, so the numbers are the same bits in every engine.
 */

/** A source of unsigned 32-bit words: a RandomStream or a chunk of its blocks. */
export interface WordSource {
  uint32(): number;
}

const LAYERS = 256;
/** Right end of the base layer and the common area of the layers (Marsaglia–Tsang, numpy). */
const R = 3.6541528853610088;
const AREA = 0.00492867323399;
const TWO52 = 2 ** 52;

/** Per layer i: kᵢ (acceptance bound on m), wᵢ (x per unit of m), fᵢ = exp(−xᵢ²/2). */
export const ZIGGURAT = buildTables();

function buildTables(): { k: Float64Array; w: Float64Array; f: Float64Array } {
  const k = new Float64Array(LAYERS);
  const w = new Float64Array(LAYERS);
  const f = new Float64Array(LAYERS);
  const density = (x: number) => fdlibmExp(-0.5 * x * x);
  // The base layer is a rectangle of width q = AREA/f(R) (the tail's area folded in).
  const q = AREA / density(R);
  k[0] = Math.floor((R / q) * TWO52);
  w[0] = q / TWO52;
  f[0] = 1;
  let x = R;
  w[LAYERS - 1] = R / TWO52;
  f[LAYERS - 1] = density(R);
  // Layer i + 1 is the rectangle of width xᵢ₊₁ between heights f(xᵢ₊₁) and f(xᵢ), of area AREA.
  for (let i = LAYERS - 2; i >= 1; i--) {
    const next = Math.sqrt(-2 * fdlibmLog(AREA / x + density(x)));
    k[i + 1] = Math.floor((next / x) * TWO52);
    x = next;
    f[i] = density(x);
    w[i] = x / TWO52;
  }
  k[1] = 0; // the top layer always goes to the wedge test
  return { k, w, f };
}

/**
 * The 52-bit integer m of a 64-bit word (hi, lo): bits 9–60, i.e. (w >> 9) mod 2⁵², exact in a
 * double.
 */
export function mantissa(hi: number, lo: number): number {
  return (hi & 0x1fffffff) * 8388608 + (lo >>> 9);
}

/**
 * A uniform in [0, 1) with 53 random bits from the next two words (hi, lo): ⌊(hi·2³² +
 * lo)/2¹¹⌋·2⁻⁵³.
 */
export function uniformFrom(source: WordSource): number {
  const hi = source.uint32();
  const lo = source.uint32();
  return (hi * 2 ** 21 + (lo >>> 11)) / 2 ** 53;
}

/**
 * The normal after a first word (hi, lo) whose fast test failed: the tail or the wedge test, then
 * as many further words as the method needs from `source`.
 */
export function normalAfterRejection(hi: number, lo: number, source: WordSource): number {
  const { k, w, f } = ZIGGURAT;
  for (;;) {
    const layer = lo & 0xff;
    const m = mantissa(hi, lo);
    const x = (lo & 0x100) === 0 ? m * w[layer]! : -(m * w[layer]!);
    if (m < k[layer]!) return x;
    if (layer === 0) {
      // Tail beyond R (Marsaglia 1964): x = R + e₁/R for exponentials with 2e₂ > (e₁/R)².
      for (;;) {
        const e1 = -fdlibmLog(1 - uniformFrom(source)) / R;
        const e2 = -fdlibmLog(1 - uniformFrom(source));
        if (e2 + e2 > e1 * e1) return (lo & 0x100) === 0 ? R + e1 : -(R + e1);
      }
    }
    // Wedge: a uniform height in layer i's rectangle, under the density?
    if ((f[layer - 1]! - f[layer]!) * uniformFrom(source) + f[layer]! < fdlibmExp(-0.5 * x * x))
      return x;
    hi = source.uint32();
    lo = source.uint32();
  }
}

/**
 * One standard normal from `source` (two words, more in 1.2 % of draws).
 * @example normalFrom(randomStream(1))
 */
export function normalFrom(source: WordSource): number {
  const hi = source.uint32();
  const lo = source.uint32();
  const layer = lo & 0xff;
  const m = mantissa(hi, lo);
  if (m < ZIGGURAT.k[layer]!) {
    const x = m * ZIGGURAT.w[layer]!;
    return (lo & 0x100) === 0 ? x : -x;
  }
  return normalAfterRejection(hi, lo, source);
}
