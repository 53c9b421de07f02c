// Argument parsing for each kernel: the addon's JS signatures live here.
//   gemm(a, aRows, aCols, b, bRows, bCols, transA, transB, alpha) -> Float64Array (m×n)
//   gram(x, n, d, scale) -> Float64Array (d×d)      cholesky(a, d) / spdInverse(a, d) -> (d×d)
//   choleskySolve(l, d, b, k) -> (d×k)              eigvalsh(a, d) -> (d)
//   gramEigvalsh(x, n, d, scale, outer, single) -> (d, or n when outer)
//   eigvalshTwoStage(a, d) -> (d)   (eigvalsh by the two-stage route at every d; for the tests)
//   eigh(a, d) -> { values, vectors }   svd(a, m, n) -> { u, s, vt }   qr(a, m, n) -> { q, r }
//   gemv(a, m, n, x, trans, alpha) -> (m, or n when trans)
//   trsm(t, d, b, rows, cols, upper, trans, left) -> (rows×cols)
//   qrPivoted(a, m, n) -> { q, r, perm (Int32Array) }     lstsqQr(a, m, n, b, k) -> (n×k)
//   qrR(a, m, n) -> (k×n), k = min(m, n)
//   luLogdet(a, d) / ldlLogdet(a, d) -> (2) = [ln|det a|, sign]
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "args.h"
#include "blas_threads.h"
#include "calls.h"

namespace rmtkit {
namespace {

size_t Sq(int d) { return static_cast<size_t>(d) * d; }

void PrepareGemm(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int ar = args.Dim(1), ac = args.Dim(2), br = args.Dim(4), bc = args.Dim(5);
  const bool ta = args.Bool(6), tb = args.Bool(7);
  const double alpha = args.Number(8);
  const int m = ta ? ac : ar, k = ta ? ar : ac, n = tb ? br : bc;
  if ((tb ? bc : br) != k) args.Fail(3, "does not match the inner dimension of op(a)");
  const double* a = args.Input(0, ar, ac);
  const double* b = args.Input(3, br, bc);
  double* c = args.Single(static_cast<size_t>(m) * n);
  call.flops = 2.0 * m * n * k;
  call.run = [=] { return Gemm(a, b, c, m, n, k, ta, tb, alpha); };
}

void PrepareGram(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int n = args.Dim(1), d = args.Dim(2);
  const double scale = args.Number(3);
  const double* x = args.Input(0, n, d);
  double* g = args.Single(Sq(d));
  call.flops = 1.0 * n * d * d;
  call.run = [=] { return Gram(x, g, n, d, scale); };
}

// The square one-input kernels (a, d) -> d×d, doing (Thirds / 3)·d³ operations.
template <Status (*Kernel)(const double*, double*, int), int Thirds>
void PrepareSquare(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int d = args.Dim(1);
  const double* a = args.Input(0, d, d);
  double* out = args.Single(Sq(d));
  call.flops = Thirds / 3.0 * d * d * d;
  call.run = [=] { return Kernel(a, out, d); };
}

void PrepareCholeskySolve(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int d = args.Dim(1), k = args.Dim(3);
  const double* l = args.Input(0, d, d);
  const double* b = args.Input(2, d, k);
  double* x = args.Single(static_cast<size_t>(d) * k);
  call.flops = 2.0 * d * d * k;
  call.run = [=] { return CholeskySolve(l, b, x, d, k); };
}

// Eigenvalues of a symmetric d×d matrix: eigvalsh, and eigvalshTwoStage (the two-stage route
// alone at every d, exported for the tests; not a kernel of the TS backends).
template <Status (*Kernel)(const double*, double*, int)>
void PrepareEigenvalues(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int d = args.Dim(1);
  const double* a = args.Input(0, d, d);
  double* w = args.Single(d);
  call.flops = 4.0 / 3 * d * d * d;
  call.run = [=] { return Kernel(a, w, d); };
}

void PrepareEigh(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int d = args.Dim(1);
  const double* a = args.Input(0, d, d);
  double* w = args.Output("values", d);
  double* v = args.Output("vectors", Sq(d));
  call.flops = 4.0 / 3 * d * d * d;  // the reduction; the eigenvectors add a GEMM-rich 2d³
  call.run = [=] { return Eigh(a, w, v, d); };
}

void PrepareSvd(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int m = args.Dim(1), n = args.Dim(2), k = std::min(m, n);
  const double* a = args.Input(0, m, n);
  double* u = args.Output("u", static_cast<size_t>(m) * k);
  double* s = args.Output("s", k);
  double* vt = args.Output("vt", static_cast<size_t>(k) * n);
  call.flops = 4.0 * m * n * k;
  call.run = [=] { return Svd(a, u, s, vt, m, n); };
}

void PrepareQr(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int m = args.Dim(1), n = args.Dim(2), k = std::min(m, n);
  const double* a = args.Input(0, m, n);
  double* q = args.Output("q", static_cast<size_t>(m) * k);
  double* r = args.Output("r", static_cast<size_t>(k) * n);
  call.flops = 4.0 * m * n * k;
  call.run = [=] { return Qr(a, q, r, m, n); };
}

void PrepareQrR(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int m = args.Dim(1), n = args.Dim(2), k = std::min(m, n);
  const double* a = args.Input(0, m, n);
  double* r = args.Single(static_cast<size_t>(k) * n);
  call.flops = 2.0 * m * n * k;
  call.run = [=] { return QrR(a, r, m, n); };
}

void PrepareGemv(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int m = args.Dim(1), n = args.Dim(2);
  const bool trans = args.Bool(4);
  const double alpha = args.Number(5);
  const double* a = args.Input(0, m, n);  // synchronous calls read the JS memory in place
  const double* x = args.Input(3, trans ? m : n, 1);
  double* y = args.Single(trans ? n : m);
  call.flops = 2.0 * m * n;
  call.run = [=] { return Gemv(a, x, y, m, n, trans, alpha); };
}

void PrepareTrsm(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int d = args.Dim(1), rows = args.Dim(3), cols = args.Dim(4);
  const bool upper = args.Bool(5), trans = args.Bool(6), left = args.Bool(7);
  if ((left ? rows : cols) != d) args.Fail(2, "does not match the order of t");
  const double* t = args.Input(0, d, d);
  const double* b = args.Input(2, rows, cols);
  double* x = args.Single(static_cast<size_t>(rows) * cols);
  call.flops = 1.0 * rows * cols * d;
  call.run = [=] { return Trsm(t, b, x, rows, cols, upper, trans, left); };
}

void PrepareQrPivoted(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int m = args.Dim(1), n = args.Dim(2), k = std::min(m, n);
  const double* a = args.Input(0, m, n);
  double* q = args.Output("q", static_cast<size_t>(m) * k);
  double* r = args.Output("r", static_cast<size_t>(k) * n);
  int32_t* perm = args.OutputInt32("perm", n);
  call.flops = 4.0 * m * n * k;
  call.run = [=] { return QrPivoted(a, q, r, perm, m, n); };
}

void PrepareLstsqQr(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int m = args.Dim(1), n = args.Dim(2), k = args.Dim(4);
  if (m < n) args.Fail(1, "must be at least the column count of a");
  const double* a = args.Input(0, m, n);
  const double* b = args.Input(3, m, k);
  double* x = args.Single(static_cast<size_t>(n) * k);
  call.flops = 2.0 * m * n * n;
  call.run = [=] { return LstsqQr(a, b, x, m, n, k); };
}

// The determinant kernels (a, d) -> [ln|det a|, sign], doing (Thirds / 3)·d³ operations.
template <Status (*Kernel)(const double*, double*, int), int Thirds>
void PrepareLogdet(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int d = args.Dim(1);
  const double* a = args.Input(0, d, d);
  double* out = args.Single(2);
  call.flops = Thirds / 3.0 * d * d * d;
  call.run = [=] { return Kernel(a, out, d); };
}

void PrepareGramEigvalsh(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int n = args.Dim(1), d = args.Dim(2);
  const double scale = args.Number(3);
  const bool outer = args.Bool(4);
  const bool single = args.Bool(5);
  const double* x = args.Input(0, n, d);
  const int order = outer ? n : d;
  double* w = args.Single(order);
  // The job's threads follow the product (its table entry has the BLAS-3 threshold); the
  // eigensolver inside picks its own by the LAPACK threshold (kLapackParallel, blas_threads.h).
  call.flops = 1.0 * n * d * order;
  call.run = [=] { return GramEigvalsh(x, w, n, d, outer, scale, single, kLapackParallel); };
}

}  // namespace

const std::vector<KernelEntry>& KernelTable() {
  static const std::vector<KernelEntry> table = {
      {"gemm", PrepareGemm, kProductParallel},
      {"gram", PrepareGram, kProductParallel},
      {"cholesky", PrepareSquare<Cholesky, 1>, kLapackParallel},
      {"choleskySolve", PrepareCholeskySolve, kProductParallel},
      {"spdInverse", PrepareSquare<SpdInverse, 3>, kLapackParallel},
      {"eigvalsh", PrepareEigenvalues<Eigvalsh>, kLapackParallel},
      {"eigvalshTwoStage", PrepareEigenvalues<EigvalshTwoStage>, kLapackParallel},
      {"gramEigvalsh", PrepareGramEigvalsh, kProductParallel},
      {"eigh", PrepareEigh, kLapackParallel},
      {"svd", PrepareSvd, kLapackParallel},
      {"qr", PrepareQr, kLapackParallel},
      {"gemv", PrepareGemv, kProductParallel},
      {"trsm", PrepareTrsm, kProductParallel},
      {"qrPivoted", PrepareQrPivoted, kLapackParallel},
      {"lstsqQr", PrepareLstsqQr, kLapackParallel},
      {"qrR", PrepareQrR, kLapackParallel},
      {"luLogdet", PrepareLogdet<LuLogdet, 2>, kLapackParallel},
      {"ldlLogdet", PrepareLogdet<LdlLogdet, 1>, kLapackParallel},
  };
  return table;
}

}  // namespace rmtkit
