// Eigenvalues of a Gram matrix in one job: dsyrk into a scratch buffer, then the symmetric
// eigensolver in place on it. Against gram followed by eigvalsh this saves the d×d result array,
// its copy into the eigensolver's job and the eigensolver's own copy, and for XXᵀ the transposed
// copy of x (dsyrk reads x transposed instead).
#include <cblas.h>
#include <lapacke.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

#include "blas_threads.h"
#include "kernels.h"
#include "memory.h"
#include "two_stage.h"

namespace rmtkit {
namespace {

// Multiplies by 2^e exactly for any e a double's exponent can take (two factors, each in range).
class PowerOfTwo {
 public:
  explicit PowerOfTwo(int e)
      : first_(std::ldexp(1.0, e / 2)), second_(std::ldexp(1.0, e - e / 2)) {}
  double operator()(double v) const { return v * first_ * second_; }

 private:
  double first_, second_;
};

// g = scale·x32ᵀx32 (or x32x32ᵀ) in double, from a single-precision product of x·2^(−e) rounded to
// float, e chosen so that the largest |x| lands in [0.5, 1): no entry overflows or underflows in
// single precision however x is scaled, and the scalings by powers of two are exact.
void SingleGram(const double* x, double* g, int n, int d, bool outer, double scale) {
  const int order = outer ? n : d;
  const size_t count = static_cast<size_t>(n) * d;
  double largest = 0;
  for (size_t i = 0; i < count; ++i) largest = std::max(largest, std::fabs(x[i]));
  int exponent = 0;
  std::frexp(largest, &exponent);
  Carver carve;
  carve.Add<float>(count).Add<float>(static_cast<size_t>(order) * order);
  Block scratch(carve.total());
  carve.Start(scratch.data());
  float* x32 = carve.Take<float>(count);
  float* g32 = carve.Take<float>(static_cast<size_t>(order) * order);
  const PowerOfTwo down(-exponent), up(2 * exponent);
  for (size_t i = 0; i < count; ++i) x32[i] = static_cast<float>(down(x[i]));
  if (outer) {
    cblas_ssyrk(CblasColMajor, CblasLower, CblasTrans, n, d, 1.0f, x32, d, 0.0f, g32, n);
  } else {
    cblas_ssyrk(CblasColMajor, CblasLower, CblasNoTrans, d, n, 1.0f, x32, d, 0.0f, g32, d);
  }
  // Only the lower triangle is read downstream.
  for (int j = 0; j < order; ++j) {
    const size_t column = static_cast<size_t>(j) * order;
    for (int i = j; i < order; ++i)
      g[column + i] = up(scale * static_cast<double>(g32[column + i]));
  }
}

}  // namespace

Status GramEigvalsh(const double* x, double* w, int n, int d, bool outer, double scale,
                    bool single, double eigen_parallel_flops) {
  const int order = outer ? n : d;
  if (order == 0) return {};
  Block scratch(static_cast<size_t>(order) * order * sizeof(double));
  double* g = static_cast<double*>(scratch.data());
  // Row-major x (n×d) is the column-major d×n matrix xᵀ: xᵀx is dsyrk of it untransposed, xxᵀ
  // transposed. Column-major 'L' is the triangle both eigensolvers read.
  if (single) {
    SingleGram(x, g, n, d, outer, scale);
  } else if (outer) {
    cblas_dsyrk(CblasColMajor, CblasLower, CblasTrans, n, d, scale, x, d, 0.0, g, n);
  } else {
    cblas_dsyrk(CblasColMajor, CblasLower, CblasNoTrans, d, n, scale, x, d, 0.0, g, d);
  }
  // A non-finite diagonal (non-finite x, or squares that overflow) would send LAPACK after NaNs:
  // the eigenvalues come back NaN instead, for the caller to report.
  for (int i = 0; i < order; ++i) {
    if (!std::isfinite(g[static_cast<size_t>(i) * order + i])) {
      for (int k = 0; k < order; ++k) w[k] = std::numeric_limits<double>::quiet_NaN();
      return {};
    }
  }
  // The product's thread count (chosen for the whole job) is lowered for the eigensolver alone
  // when it is small enough to lose to its threaded waits, and restored afterwards.
  CallThreads threads(4.0 / 3 * order * order * order, eigen_parallel_flops);
  if (UseTwoStage(order)) return TwoStageEigenvalues(g, w, order);
  const int info = LAPACKE_dsyevd(LAPACK_COL_MAJOR, 'N', 'L', order, g, order, w);
  return info == 0 ? Status{} : Status{"dsyevd", info};
}

}  // namespace rmtkit
