/**
 * Work-buffer slots of the eigensolver and SVD kernels in the shared scratch cache
 * (pool/scratch.ts). Fresh large arrays are costly on these machines (every first touch of a page
 * faults: ~30 ms per 8 MB, a tenth of a d = 1000 eigensolve), so temporaries are kept between
 * calls. The numbers start at 100 to stay clear of the dense kernels' slots (SLOT in
 * pool/scratch.ts); each slot has one live use at a time, in the order the kernels run.
 */
export const EIGEN_SLOT = {
  /** Working copy of A, overwritten by the tridiagonal reduction. */
  work: 100,
  /** Eigenvectors of the tridiagonal matrix (divide and conquer), then of A. */
  vectors: 101,
  /**
   * Divide-and-conquer merge: the new block, S, the gathered and packed product operands, results.
   */
  mergeBlock: 102,
  mergeS: 103,
  mergeA: 104,
  mergeB: 105,
  mergePackA: 106,
  mergePackB: 107,
  mergeTop: 108,
  mergeBottom: 109,
  /** Back-transformation: packed Vᵀ, V, Z and W, and W itself. */
  backVt: 110,
  backV: 111,
  backZ: 112,
  backW: 113,
  backWOut: 114,
  /** Tridiagonal reduction: packed syr2k operands, symv partial sums and vector. */
  syr2kX: 115,
  syr2kY: 116,
  symvPartial: 117,
  symvVector: 118,
  /** SVD: the packed columns and their Gram matrix (Jacobi's dot products in one product). */
  svdPacked: 119,
  svdGram: 120,
} as const;
