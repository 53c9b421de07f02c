// Cholesky-based kernels: factor, solve, inverse (LAPACK dpotrf, dpotrs, dpotri).
// A row-major lower factor L is the column-major upper factor U = Lᵀ of the same matrix
// (A = LLᵀ = UᵀU), so every routine is called column-major with 'U'.
#include <lapacke.h>

#include <cstddef>
#include <cstring>

#include "kernels.h"
#include "layout.h"
#include "memory.h"

namespace rmtkit {

Status Cholesky(const double* a, double* l, int d) {
  if (d == 0) return {};
  std::memcpy(l, a, sizeof(double) * static_cast<size_t>(d) * d);
  const int info = LAPACKE_dpotrf(LAPACK_COL_MAJOR, 'U', d, l, d);
  if (info != 0) return {"dpotrf", info};
  ZeroStrictUpper(l, d);
  return {};
}

Status CholeskySolve(const double* l, const double* b, double* x, int d, int k) {
  if (d == 0 || k == 0) return {};
  const size_t size = static_cast<size_t>(d) * k;
  if (k == 1) {
    // A single right-hand side is laid out the same way in both orders.
    std::memcpy(x, b, sizeof(double) * size);
    const int info = LAPACKE_dpotrs(LAPACK_COL_MAJOR, 'U', d, 1, l, d, x, d);
    return info == 0 ? Status{} : Status{"dpotrs", info};
  }
  // dpotrs wants the right-hand sides column-major: an O(dk) transpose each way, small next to
  // the O(d²k) solve.
  Block scratch(size * sizeof(double));
  double* columns = static_cast<double*>(scratch.data());
  Transpose(b, columns, d, k);
  const int info = LAPACKE_dpotrs(LAPACK_COL_MAJOR, 'U', d, k, l, d, columns, d);
  if (info != 0) return {"dpotrs", info};
  Transpose(columns, x, k, d);
  return {};
}

Status SpdInverse(const double* a, double* inv, int d) {
  if (d == 0) return {};
  std::memcpy(inv, a, sizeof(double) * static_cast<size_t>(d) * d);
  int info = LAPACKE_dpotrf(LAPACK_COL_MAJOR, 'U', d, inv, d);
  if (info != 0) return {"dpotrf", info};
  info = LAPACKE_dpotri(LAPACK_COL_MAJOR, 'U', d, inv, d);
  if (info != 0) return {"dpotri", info};
  MirrorLowerToUpper(inv, d);
  return {};
}

}  // namespace rmtkit
