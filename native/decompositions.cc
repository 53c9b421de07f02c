// Spectral, orthogonal and triangular decompositions: dsyevd (for eigenvalues only from d = 2048
// the two-stage reduction, two_stage.h), dgesdd, dgeqrf / dgeqp3 + dorgqr, dgeqrf alone for R,
// dgetrf and dsytrf for log-determinants. Workspaces are queried from LAPACK
// and taken from one huge-page Block per call (see memory.h).
#include <lapacke.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>

#include "kernels.h"
#include "layout.h"
#include "memory.h"
#include "two_stage.h"

namespace rmtkit {
namespace {

// LAPACK reports an optimal workspace size as a double; round up so it is never short.
lapack_int Size(double query) { return static_cast<lapack_int>(std::ceil(query)); }

// dsyevd on the column-major (= row-major, a being symmetric) d×d buffer a, in place.
Status Syevd(char jobz, double* a, double* w, int d) {
  double lwork = 0;
  lapack_int liwork = 0;
  int info = LAPACKE_dsyevd_work(LAPACK_COL_MAJOR, jobz, 'L', d, a, d, w, &lwork, -1, &liwork, -1);
  if (info != 0) return {"dsyevd", info};
  Carver carve;
  carve.Add<double>(Size(lwork)).Add<lapack_int>(liwork);
  Block scratch(carve.total());
  carve.Start(scratch.data());
  double* work = carve.Take<double>(Size(lwork));
  lapack_int* iwork = carve.Take<lapack_int>(liwork);
  info = LAPACKE_dsyevd_work(LAPACK_COL_MAJOR, jobz, 'L', d, a, d, w, work, Size(lwork), iwork, liwork);
  return info == 0 ? Status{} : Status{"dsyevd", info};
}

// Workspace of dorgqr forming the m×k Q of a factorisation with k reflectors.
Status OrgqrQuery(int m, int k, lapack_int* lwork) {
  double query = 0;
  const int info = LAPACKE_dorgqr_work(LAPACK_COL_MAJOR, m, k, k, nullptr, m, nullptr, &query, -1);
  *lwork = Size(query);
  return info == 0 ? Status{} : Status{"dorgqr", info};
}

// Copies R (k×n, row-major, zeros below the diagonal) out of the column-major m×n buffer
// `columns` left by dgeqrf or dgeqp3.
void CopyR(const double* columns, double* r, int m, int n) {
  const int k = std::min(m, n);
  for (int i = 0; i < k; ++i) {
    double* row = r + static_cast<size_t>(i) * n;
    std::fill(row, row + i, 0.0);
    for (int j = i; j < n; ++j) row[j] = columns[i + static_cast<size_t>(j) * m];
  }
}

// Finishes a Householder QR left by dgeqrf or dgeqp3 in the column-major m×n buffer `columns`:
// copies R (k×n) out, then forms Q (m×k) with dorgqr in place and transposes it into q.
Status FormQr(double* columns, const double* tau, double* q, double* r, int m, int n, double* work,
              lapack_int lwork) {
  const int k = std::min(m, n);
  CopyR(columns, r, m, n);
  const int info = LAPACKE_dorgqr_work(LAPACK_COL_MAJOR, m, k, k, columns, m, tau, work, lwork);
  if (info != 0) return {"dorgqr", info};
  // The first k columns of the column-major buffer are the rows of the row-major k×m Qᵀ.
  Transpose(columns, q, k, m);
  return {};
}

}  // namespace

Status Eigvalsh(const double* a, double* w, int d) {
  if (d == 0) return {};
  const size_t size = static_cast<size_t>(d) * d;
  Block copy(size * sizeof(double));  // dsyevd destroys its input
  std::memcpy(copy.data(), a, size * sizeof(double));
  double* c = static_cast<double*>(copy.data());
  return UseTwoStage(d) ? TwoStageEigenvalues(c, w, d) : Syevd('N', c, w, d);
}

Status EigvalshTwoStage(const double* a, double* w, int d) {
  if (d == 0) return {};
  const size_t size = static_cast<size_t>(d) * d;
  Block copy(size * sizeof(double));
  std::memcpy(copy.data(), a, size * sizeof(double));
  return TwoStageEigenvalues(static_cast<double*>(copy.data()), w, d);
}

Status Eigh(const double* a, double* w, double* v, int d) {
  if (d == 0) return {};
  std::memcpy(v, a, sizeof(double) * static_cast<size_t>(d) * d);
  const Status status = Syevd('V', v, w, d);
  if (!status.ok()) return status;
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
  const size_t size = static_cast<size_t>(m) * n;
  double lwork = 0;
  lapack_int iquery = 0;
  int info = LAPACKE_dgesdd_work(LAPACK_COL_MAJOR, 'S', n, m, nullptr, n, s, vt, n, u, k, &lwork, -1, &iquery);
  if (info != 0) return {"dgesdd", info};
  Carver carve;
  carve.Add<double>(size).Add<double>(Size(lwork)).Add<lapack_int>(static_cast<size_t>(8) * k);
  Block scratch(carve.total());
  carve.Start(scratch.data());
  double* copy = carve.Take<double>(size);  // dgesdd destroys its input
  double* work = carve.Take<double>(Size(lwork));
  lapack_int* iwork = carve.Take<lapack_int>(static_cast<size_t>(8) * k);
  std::memcpy(copy, a, size * sizeof(double));
  info = LAPACKE_dgesdd_work(LAPACK_COL_MAJOR, 'S', n, m, copy, n, s, vt, n, u, k, work, Size(lwork), iwork);
  return info == 0 ? Status{} : Status{"dgesdd", info};
}

Status Qr(const double* a, double* q, double* r, int m, int n) {
  if (m == 0 || n == 0) return {};
  const int k = std::min(m, n);
  const size_t size = static_cast<size_t>(m) * n;
  double geqrf = 0;
  lapack_int orgqr = 0;
  int info = LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, m, n, nullptr, m, nullptr, &geqrf, -1);
  if (info != 0) return {"dgeqrf", info};
  if (const Status status = OrgqrQuery(m, k, &orgqr); !status.ok()) return status;
  const lapack_int lwork = std::max(Size(geqrf), orgqr);
  Carver carve;
  carve.Add<double>(size).Add<double>(k).Add<double>(lwork);
  Block scratch(carve.total());
  carve.Start(scratch.data());
  double* columns = carve.Take<double>(size);
  double* tau = carve.Take<double>(k);
  double* work = carve.Take<double>(lwork);
  // QR of a is not QR of aᵀ, so a is transposed to column-major first (O(mn) next to O(mnk)).
  Transpose(a, columns, m, n);
  info = LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, m, n, columns, m, tau, work, lwork);
  if (info != 0) return {"dgeqrf", info};
  return FormQr(columns, tau, q, r, m, n, work, lwork);
}

Status QrR(const double* a, double* r, int m, int n) {
  if (m == 0 || n == 0) return {};
  const int k = std::min(m, n);
  const size_t size = static_cast<size_t>(m) * n;
  double geqrf = 0;
  int info = LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, m, n, nullptr, m, nullptr, &geqrf, -1);
  if (info != 0) return {"dgeqrf", info};
  Carver carve;
  carve.Add<double>(size).Add<double>(k).Add<double>(Size(geqrf));
  Block scratch(carve.total());
  carve.Start(scratch.data());
  double* columns = carve.Take<double>(size);
  double* tau = carve.Take<double>(k);
  double* work = carve.Take<double>(Size(geqrf));
  // The same transpose and dgeqrf call as Qr (the optimal workspace, so the same block size): the
  // same R, bit for bit; only the reflectors below the diagonal are left unused.
  Transpose(a, columns, m, n);
  info = LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, m, n, columns, m, tau, work, Size(geqrf));
  if (info != 0) return {"dgeqrf", info};
  CopyR(columns, r, m, n);
  return {};
}

Status QrPivoted(const double* a, double* q, double* r, int32_t* perm, int m, int n) {
  for (int j = 0; j < n; ++j) perm[j] = j;
  if (m == 0 || n == 0) return {};
  const int k = std::min(m, n);
  const size_t size = static_cast<size_t>(m) * n;
  double geqp3 = 0;
  lapack_int orgqr = 0;
  int info = LAPACKE_dgeqp3_work(LAPACK_COL_MAJOR, m, n, nullptr, m, nullptr, nullptr, &geqp3, -1);
  if (info != 0) return {"dgeqp3", info};
  if (const Status status = OrgqrQuery(m, k, &orgqr); !status.ok()) return status;
  const lapack_int lwork = std::max(Size(geqp3), orgqr);
  Carver carve;
  carve.Add<double>(size).Add<double>(k).Add<double>(lwork).Add<lapack_int>(n);
  Block scratch(carve.total());
  carve.Start(scratch.data());
  double* columns = carve.Take<double>(size);
  double* tau = carve.Take<double>(k);
  double* work = carve.Take<double>(lwork);
  lapack_int* jpvt = carve.Take<lapack_int>(n);
  Transpose(a, columns, m, n);
  std::fill(jpvt, jpvt + n, 0);  // every column free to move
  info = LAPACKE_dgeqp3_work(LAPACK_COL_MAJOR, m, n, columns, m, jpvt, tau, work, lwork);
  if (info != 0) return {"dgeqp3", info};
  for (int j = 0; j < n; ++j) perm[j] = static_cast<int32_t>(jpvt[j] - 1);
  return FormQr(columns, tau, q, r, m, n, work, lwork);
}

}  // namespace rmtkit

// Log-determinants with sign from a triangular factorisation: dgetrf (LU with partial pivoting)
// and dsytrf (Bunch–Kaufman LDLᵀ). The row-major buffer is the column-major transpose, and
// det Aᵀ = det A, so LU factors it as given; a symmetric A is its own transpose.
namespace rmtkit {
namespace {

// ln|det| and sign of a singular matrix, as numpy's slogdet reports them.
void Singular(double* out) {
  out[0] = -INFINITY;
  out[1] = 0;
}

}  // namespace

Status LuLogdet(const double* a, double* out, int d) {
  out[0] = 0;
  out[1] = 1;
  if (d == 0) return {};
  const size_t size = static_cast<size_t>(d) * d;
  Carver carve;
  carve.Add<double>(size).Add<lapack_int>(d);
  Block scratch(carve.total());
  carve.Start(scratch.data());
  double* lu = carve.Take<double>(size);
  lapack_int* ipiv = carve.Take<lapack_int>(d);
  std::memcpy(lu, a, sizeof(double) * size);
  const int info = LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, d, d, lu, d, ipiv);
  if (info < 0) return {"dgetrf", info};
  if (info > 0) return Singular(out), Status{};  // U(info, info) is exactly zero
  double sum = 0, sign = 1;
  for (int i = 0; i < d; ++i) {
    const double u = lu[i + static_cast<size_t>(i) * d];
    if (u < 0) sign = -sign;
    if (ipiv[i] != i + 1) sign = -sign;  // each row interchange flips the sign
    sum += std::log(std::fabs(u));
  }
  out[0] = sum;
  out[1] = sign;
  return {};
}

Status LdlLogdet(const double* a, double* out, int d) {
  out[0] = 0;
  out[1] = 1;
  if (d == 0) return {};
  const size_t size = static_cast<size_t>(d) * d;
  double query = 0;
  int info = LAPACKE_dsytrf_work(LAPACK_COL_MAJOR, 'L', d, nullptr, d, nullptr, &query, -1);
  if (info != 0) return {"dsytrf", info};
  const lapack_int lwork = static_cast<lapack_int>(std::ceil(query));
  Carver carve;
  carve.Add<double>(size).Add<lapack_int>(d).Add<double>(lwork);
  Block scratch(carve.total());
  carve.Start(scratch.data());
  double* f = carve.Take<double>(size);
  lapack_int* ipiv = carve.Take<lapack_int>(d);
  double* work = carve.Take<double>(lwork);
  std::memcpy(f, a, sizeof(double) * size);
  info = LAPACKE_dsytrf_work(LAPACK_COL_MAJOR, 'L', d, f, d, ipiv, work, lwork);
  if (info < 0) return {"dsytrf", info};
  if (info > 0) return Singular(out), Status{};  // D(info, info) is exactly zero
  // det A = det D (the permutations enter as P·…·Pᵀ, |det L| = 1): a product of 1×1 pivots and
  // of 2×2 blocks [a b; b c], whose determinant (a/b · c/b − 1)·b² is formed without overflow.
  const auto at = [&](int i, int j) { return f[i + static_cast<size_t>(j) * d]; };
  double sum = 0, sign = 1;
  for (int k = 0; k < d; ++k) {
    if (ipiv[k] > 0) {
      const double p = at(k, k);
      if (p < 0) sign = -sign;
      sum += std::log(std::fabs(p));
      continue;
    }
    const double b = at(k + 1, k);
    const double t = (at(k, k) / b) * (at(k + 1, k + 1) / b) - 1;
    if (t == 0) return Singular(out), Status{};
    if (t < 0) sign = -sign;
    sum += std::log(std::fabs(t)) + 2 * std::log(std::fabs(b));
    ++k;
  }
  out[0] = sum;
  out[1] = sign;
  return {};
}

}  // namespace rmtkit
