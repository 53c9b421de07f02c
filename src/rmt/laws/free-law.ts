import type { SpectralLaw } from './law.js';

/**
 * A spectral law whose continuous part may have several components (free convolutions with
 * discrete laws split their bulk): `support` is their hull, `intervals` the components.
 */
export interface FreeLaw extends SpectralLaw {
  /** Ascending, disjoint intervals carrying the continuous part. */
  readonly intervals: ReadonlyArray<readonly [number, number]>;
}
