// Eigenvalues of a symmetric matrix through LAPACK's two-stage tridiagonal reduction: dense to
// band (dsytrd_sy2sb, BLAS-3), band to tridiagonal (dsytrd_sb2st, bulge chasing in cache), then
// dsterf. The classic one-stage dsytrd inside dsyevd does half its flops as matrix-vector products
// that stream the whole matrix from memory once per column; from d ≈ 2000 on that costs more than
// the two-stage detour (docs/performance.md, "Eigenvalues of large matrices").
#pragma once

#include "kernels.h"

namespace rmtkit {

// From this order on Eigvalsh takes the two-stage route when the job runs on one BLAS thread
// (measured: bench/eigvalsh-stages.c). With more threads dsyevd stays: the band-to-tridiagonal
// step runs on one thread without OpenMP, and at d = 4000 on two threads the two-stage route took
// 1.22-1.27x numpy's wall time where dsyevd took 0.90x (npm run bench:check, quiet).
constexpr int kTwoStageFrom = 2048;

// Whether a job of order d, running now, takes the two-stage route.
bool UseTwoStage(int d);

// w (d) = eigenvalues of the symmetric column-major d×d buffer a (lower triangle read),
// ascending; a is destroyed.
Status TwoStageEigenvalues(double* a, double* w, int d);

}  // namespace rmtkit
