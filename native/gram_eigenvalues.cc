// Eigenvalues of a Gram matrix in one job: dsyrk into a scratch buffer, then the symmetric
// eigensolver in place on it. Against gram followed by eigvalsh this saves the d×d result array,
// its copy into the eigensolver's job and the eigensolver's own copy, and for XXᵀ the transposed
// copy of x (dsyrk reads x transposed instead).
#include <cblas.h>
#include <lapacke.h>

#include <cmath>
#include <cstddef>
#include <limits>

#include "blas_threads.h"
#include "kernels.h"
#include "memory.h"
#include "two_stage.h"

namespace rmtkit {

Status GramEigvalsh(const double* x, double* w, int n, int d, bool outer, double scale,
                    double eigen_parallel_flops) {
  const int order = outer ? n : d;
  if (order == 0) return {};
  Block scratch(static_cast<size_t>(order) * order * sizeof(double));
  double* g = static_cast<double*>(scratch.data());
  // Row-major x (n×d) is the column-major d×n matrix xᵀ: xᵀx is dsyrk of it untransposed, xxᵀ
  // transposed. Column-major 'L' is the triangle both eigensolvers read.
  if (outer) {
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
