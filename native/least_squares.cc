// Linear least squares through Householder QR (LAPACK dgels), called column-major: the row-major
// inputs are transposed into one workspace Block, the solution transposed back.
#include <lapacke.h>

#include <cmath>
#include <cstddef>
#include <cstring>

#include "kernels.h"
#include "layout.h"
#include "memory.h"

namespace rmtkit {

Status LstsqQr(const double* a, const double* b, double* x, int m, int n, int k) {
  if (n == 0 || k == 0) return {};
  double query = 0;
  int info = LAPACKE_dgels_work(LAPACK_COL_MAJOR, 'N', m, n, k, nullptr, m, nullptr, m, &query, -1);
  if (info != 0) return {"dgels", info};
  const lapack_int lwork = static_cast<lapack_int>(std::ceil(query));
  const size_t size = static_cast<size_t>(m) * n;
  const size_t rhs = static_cast<size_t>(m) * k;
  Carver carve;
  carve.Add<double>(size).Add<double>(rhs).Add<double>(lwork);
  Block scratch(carve.total());
  carve.Start(scratch.data());
  double* columns = carve.Take<double>(size);  // dgels overwrites a with its QR factors
  double* c = carve.Take<double>(rhs);         // and b with Qᵀb, the solution on top
  double* work = carve.Take<double>(lwork);
  Transpose(a, columns, m, n);
  if (k == 1) {
    std::memcpy(c, b, sizeof(double) * m);  // one column is laid out the same in both orders
  } else {
    Transpose(b, c, m, k);
  }
  info = LAPACKE_dgels_work(LAPACK_COL_MAJOR, 'N', m, n, k, columns, m, c, m, work, lwork);
  if (info != 0) return {"dgels", info};
  // x (row-major n×k) is the top n×k block of the column-major m×k c.
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < k; ++j) x[static_cast<size_t>(i) * k + j] = c[i + static_cast<size_t>(j) * m];
  }
  return {};
}

}  // namespace rmtkit
