// Eigenvalues of a symmetric matrix through LAPACK's two-stage tridiagonal reduction: dense to
// band (dsytrd_sy2sb, BLAS-3), band to tridiagonal (dsytrd_sb2st, bulge chasing in cache), then
// dsterf. The classic one-stage dsytrd inside dsyevd does half its flops as matrix-vector products
// that stream the whole matrix from memory once per column; from d ≈ 2000 on that costs more than
// the two-stage detour (docs/performance.md, "Eigenvalues of large matrices").
#pragma once

#include "kernels.h"

namespace rmtkit {

// From this order on Eigvalsh takes the two-stage route (measured: bench/eigvalsh-stages.c on one
// thread; bench/gram-eigvalsh-phases.c on two, where at d = 4096 it took 2.6-3.0 s against
// dsyevd's 3.1-4.0 s once the band-to-tridiagonal step ran on one OpenBLAS thread).
constexpr int kTwoStageFrom = 2048;

// Whether a job of order d takes the two-stage route.
bool UseTwoStage(int d);

// w (d) = eigenvalues of the symmetric column-major d×d buffer a (lower triangle read),
// ascending; a is destroyed.
Status TwoStageEigenvalues(double* a, double* w, int d);

}  // namespace rmtkit
