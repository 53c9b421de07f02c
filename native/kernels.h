// Dense kernels on raw row-major buffers: a thin layer over OpenBLAS (CBLAS) and LAPACKE.
// Every routine is called column-major: a row-major n×d buffer *is* the column-major d×n
// matrix (its transpose), so no hidden copies are made; symmetric routines swap 'U'/'L'.
// Inputs are never written; outputs are caller-owned buffers of the documented size.
#pragma once

#include <cstdint>

namespace rmtkit {

// The outcome of a kernel: info = 0 on success, otherwise LAPACK's info from `routine`
// (info > 0: a numerical failure such as a non-positive minor; info < 0: a bad argument).
struct Status {
  const char* routine = nullptr;
  int info = 0;
  bool ok() const { return info == 0; }
};

// c (m×n) = alpha · op(a) · op(b); a is stored rows×cols as given (m×k, or k×m when transA).
Status Gemm(const double* a, const double* b, double* c, int m, int n, int k, bool transA,
            bool transB, double alpha);
// g (d×d, full symmetric) = scale · xᵀx for x n×d.
Status Gram(const double* x, double* g, int n, int d, double scale);
// l (d×d) = lower Cholesky factor of a, zeros above the diagonal.
Status Cholesky(const double* a, double* l, int d);
// x (d×k) solving l lᵀ x = b.
Status CholeskySolve(const double* l, const double* b, double* x, int d, int k);
// inv (d×d, full symmetric) = a⁻¹ through a's Cholesky factor.
Status SpdInverse(const double* a, double* inv, int d);
// w (d) = eigenvalues of symmetric a, ascending: dsyevd below d = kTwoStageFrom, the two-stage
// reduction from there on (two_stage.h).
Status Eigvalsh(const double* a, double* w, int d);
// Eigvalsh by the two-stage route at every order (for the tests that compare the two routes).
Status EigvalshTwoStage(const double* a, double* w, int d);
// w = eigenvalues, ascending, of scale·xᵀx (d of them) or with outer of scale·xxᵀ (n), x n×d; all
// NaN when the Gram matrix has a non-finite diagonal entry. With single the product runs in single
// precision (x rounded to float after an exact power-of-two scaling, ssyrk: half dsyrk's time),
// the eigensolver in double either way. The eigensolver runs on one OpenBLAS thread when it does
// fewer than eigen_parallel_flops operations (native/blas_threads.h).
Status GramEigvalsh(const double* x, double* w, int n, int d, bool outer, double scale, bool single,
                    double eigen_parallel_flops);
// w (d) ascending and v (d×d) with the eigenvectors as columns.
Status Eigh(const double* a, double* w, double* v, int d);
// Thin SVD of a (m×n), k = min(m, n): u m×k, s k descending, vt k×n.
Status Svd(const double* a, double* u, double* s, double* vt, int m, int n);
// Thin QR of a (m×n), k = min(m, n): q m×k orthonormal columns, r k×n upper triangular.
Status Qr(const double* a, double* q, double* r, int m, int n);
// The r (k×n, upper triangular) of Qr alone, the same bits, without forming q (dgeqrf only).
Status QrR(const double* a, double* r, int m, int n);
// y = alpha · op(a) · x for a m×n: y has m entries (x n), or n entries (x m) when trans.
Status Gemv(const double* a, const double* x, double* y, int m, int n, bool trans, double alpha);
// x (m×n) solving op(t)·x = b (left, t m×m) or x·op(t) = b (right, t n×n); only the upper (else
// lower) triangle of t is read, its diagonal must be nonzero.
Status Trsm(const double* t, const double* b, double* x, int m, int n, bool upper, bool trans,
            bool left);
// Thin column-pivoted QR of a (m×n), a[:, perm] = q r: q m×k, r k×n upper with |diag|
// nonincreasing, perm n zero-based column indices.
Status QrPivoted(const double* a, double* q, double* r, int32_t* perm, int m, int n);
// x (n×k) minimising ‖a x − b‖_F for a m×n with m ≥ n, b m×k (Householder QR, dgels); info > 0:
// diagonal entry info − 1 of R is zero (a is rank deficient).
Status LstsqQr(const double* a, const double* b, double* x, int m, int n, int k);
// out (2) = [ln|det a|, sign] of the square a (d×d) through LU with partial pivoting (dgetrf); a
// zero pivot gives [−∞, 0], not an error.
Status LuLogdet(const double* a, double* out, int d);
// out (2) = [ln|det a|, sign] of the symmetric a (d×d) through Bunch–Kaufman LDLᵀ (dsytrf); a
// singular D gives [−∞, 0], not an error.
Status LdlLogdet(const double* a, double* out, int d);

}  // namespace rmtkit
