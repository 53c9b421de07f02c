// Spectral and orthogonal decompositions: dsyevd, dgesdd, dgeqrf + dorgqr.
#include <lapacke.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <vector>

#include "kernels.h"
#include "layout.h"

namespace rmtkit {

Status Eigvalsh(const double* a, double* w, int d) {
  if (d == 0) return {};
  // dsyevd destroys its input; a is symmetric, so its row-major buffer is also column-major.
  std::vector<double> work(a, a + static_cast<size_t>(d) * d);
  const int info = LAPACKE_dsyevd(LAPACK_COL_MAJOR, 'N', 'L', d, work.data(), d, w);
  return info == 0 ? Status{} : Status{"dsyevd", info};
}

Status Eigh(const double* a, double* w, double* v, int d) {
  if (d == 0) return {};
  std::memcpy(v, a, sizeof(double) * static_cast<size_t>(d) * d);
  const int info = LAPACKE_dsyevd(LAPACK_COL_MAJOR, 'V', 'L', d, v, d, w);
  if (info != 0) return {"dsyevd", info};
  // LAPACK leaves the eigenvectors as column-major columns, i.e. as rows of the row-major buffer.
  TransposeSquareInPlace(v, d);
  return {};
}

Status Svd(const double* a, double* u, double* s, double* vt, int m, int n) {
  if (m == 0 || n == 0) return {};
  const int k = std::min(m, n);
  // Row-major a (m×n) is the column-major n×m matrix aᵀ = V S Uᵀ. dgesdd factors it as
  // U' S V'ᵀ, so U' = V and V'ᵀ = Uᵀ. Column-major U' (n×k) read row-major is Vᵀ (k×n) and
  // column-major V'ᵀ (k×m) read row-major is U (m×k): LAPACK writes both outputs in place.
  std::vector<double> work(a, a + static_cast<size_t>(m) * n);
  const int info = LAPACKE_dgesdd(LAPACK_COL_MAJOR, 'S', n, m, work.data(), n, s, vt, n, u, k);
  return info == 0 ? Status{} : Status{"dgesdd", info};
}

Status Qr(const double* a, double* q, double* r, int m, int n) {
  if (m == 0 || n == 0) return {};
  const int k = std::min(m, n);
  // QR of a is not QR of aᵀ, so a is transposed to column-major first (O(mn) next to O(mnk)).
  std::vector<double> work(static_cast<size_t>(m) * n);
  Transpose(a, work.data(), m, n);
  std::vector<double> tau(k);
  int info = LAPACKE_dgeqrf(LAPACK_COL_MAJOR, m, n, work.data(), m, tau.data());
  if (info != 0) return {"dgeqrf", info};
  for (int i = 0; i < k; ++i) {
    double* row = r + static_cast<size_t>(i) * n;
    std::fill(row, row + i, 0.0);
    for (int j = i; j < n; ++j) row[j] = work[i + static_cast<size_t>(j) * m];
  }
  info = LAPACKE_dorgqr(LAPACK_COL_MAJOR, m, k, k, work.data(), m, tau.data());
  if (info != 0) return {"dorgqr", info};
  // The first k columns of the column-major buffer are the rows of the row-major k×m Qᵀ.
  Transpose(work.data(), q, k, m);
  return {};
}

}  // namespace rmtkit
