// BLAS kernels: general products (matrix and matrix-vector), Gram matrix, triangular solve.
#include <cblas.h>

#include <algorithm>
#include <cstddef>
#include <cstring>

#include "kernels.h"
#include "layout.h"

namespace rmtkit {

Status Gemm(const double* a, const double* b, double* c, int m, int n, int k, bool transA,
            bool transB, double alpha) {
  if (m == 0 || n == 0) return {};
  if (k == 0) {
    // BLAS would return early and leave c untouched; the empty sum is zero.
    std::fill(c, c + static_cast<size_t>(m) * n, 0.0);
    return {};
  }
  // CBLAS's row-major mode only swaps the roles of a and b (no copies), so it is used directly.
  const int lda = transA ? m : k;
  const int ldb = transB ? k : n;
  cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
              m, n, k, alpha, a, lda, b, ldb, 0.0, c, n);
  return {};
}

Status Gram(const double* x, double* g, int n, int d, double scale) {
  if (d == 0) return {};
  if (n == 0) {
    std::fill(g, g + static_cast<size_t>(d) * d, 0.0);
    return {};
  }
  // Row-major x (n×d) is the column-major d×n matrix xᵀ, so xᵀx = (xᵀ)(xᵀ)ᵀ is dsyrk without
  // transposition. Column-major 'U' fills the row-major lower triangle, mirrored afterwards.
  cblas_dsyrk(CblasColMajor, CblasUpper, CblasNoTrans, d, n, scale, x, d, 0.0, g, d);
  MirrorLowerToUpper(g, d);
  return {};
}

Status Gemv(const double* a, const double* x, double* y, int m, int n, bool trans, double alpha) {
  const int length = trans ? n : m;
  if (length == 0) return {};
  if ((trans ? m : n) == 0) {
    std::fill(y, y + length, 0.0);  // the empty sum; BLAS would leave y untouched
    return {};
  }
  // Row-major CBLAS reads a in place as its column-major transpose (no copy): the product
  // streams a once, which is what makes dgemv run at memory bandwidth.
  cblas_dgemv(CblasRowMajor, trans ? CblasTrans : CblasNoTrans, m, n, alpha, a, n, x, 1, 0.0, y, 1);
  return {};
}

Status Trsm(const double* t, const double* b, double* x, int m, int n, bool upper, bool trans,
            bool left) {
  if (m == 0 || n == 0) return {};
  std::memcpy(x, b, sizeof(double) * static_cast<size_t>(m) * n);
  // Row-major CBLAS swaps side and triangle and solves with the column-major transposes (no
  // copies, unlike LAPACKE's row-major mode).
  cblas_dtrsm(CblasRowMajor, left ? CblasLeft : CblasRight, upper ? CblasUpper : CblasLower,
              trans ? CblasTrans : CblasNoTrans, CblasNonUnit, m, n, 1.0, t, left ? m : n, x, n);
  return {};
}

}  // namespace rmtkit
