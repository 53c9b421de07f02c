/**
 * When a connected piece of a finite-d spectral law is a component, and when it is an outlier.
 * At finite d the deterministic equivalent puts about k/d mass on a piece that holds k eigenvalues
 * (exact separation), so the count mass·d decides: below {@link MIN_COMPONENT_EIGENVALUES} the
 * piece holds no eigenvalue (a sliver of F left by the solver, not a component); from there to
 * {@link MAX_OUTLIER_EIGENVALUES} it holds one eigenvalue, separated from the bulk (an outlier);
 * above, it is a bulk.
 */

/** A piece holding fewer eigenvalues than this (mass·d) is not a component. */
export const MIN_COMPONENT_EIGENVALUES = 0.5;

/** A component holding at most this many eigenvalues (mass·d) is an outlier. */
export const MAX_OUTLIER_EIGENVALUES = 1.5;

/**
 * Whether a component of mass `mass` in dimension d holds about one eigenvalue:
 * mass·d ∈ [0.5, 1.5].
 * @example isOutlierMass(1 / 120, 120) // true
 */
export function isOutlierMass(mass: number, d: number): boolean {
  const count = mass * d;
  return count >= MIN_COMPONENT_EIGENVALUES && count <= MAX_OUTLIER_EIGENVALUES;
}

/**
 * Whether a piece of mass `mass` in dimension d holds at least half an eigenvalue (mass·d ≥ 0.5),
 * i.e. is a component at all.
 * @example isComponentMass(0, 120) // false
 */
export function isComponentMass(mass: number, d: number): boolean {
  return mass * d >= MIN_COMPONENT_EIGENVALUES;
}
