#include "two_stage.h"

#include <lapacke.h>

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "blas_threads.h"
#include "memory.h"

// LAPACKE has no wrappers for the two stages, so the Fortran routines are called directly (all
// arguments by reference, the character lengths appended as gfortran passes them).
extern "C" {
void dsytrd_sy2sb_(const char* uplo, const lapack_int* n, const lapack_int* kd, double* a,
                   const lapack_int* lda, double* ab, const lapack_int* ldab, double* tau,
                   double* work, const lapack_int* lwork, lapack_int* info, size_t uplo_len);
void dsytrd_sb2st_(const char* stage1, const char* vect, const char* uplo, const lapack_int* n,
                   const lapack_int* kd, double* ab, const lapack_int* ldab, double* d, double* e,
                   double* hous, const lapack_int* lhous, double* work, const lapack_int* lwork,
                   lapack_int* info, size_t stage1_len, size_t vect_len, size_t uplo_len);
}

namespace rmtkit {

bool UseTwoStage(int d) { return d >= kTwoStageFrom; }

namespace {

// Band width of the intermediate matrix. LAPACK's default (ilaenv2stage) is 32 with this library;
// 64 and 96 took 4.3–4.6 s at d = 4096 on one thread against 4.7–5.0 s for 32 and 6.4 s for 16
// (bench/eigvalsh-stages.c): wider bands make the first stage more BLAS-3, the second costlier.
constexpr lapack_int kBand = 64;

lapack_int Size(double query) { return static_cast<lapack_int>(std::ceil(query)); }

}  // namespace

Status TwoStageEigenvalues(double* a, double* w, int d) {
  const lapack_int n = d, kd = std::min<lapack_int>(kBand, std::max(1, d - 1)), ldab = kd + 1;
  const lapack_int query = -1;
  lapack_int info = 0, lhous = -1;
  double band_work = 0, chase_work = 0, hous = 0;
  dsytrd_sy2sb_("L", &n, &kd, a, &n, nullptr, &ldab, nullptr, &band_work, &query, &info, 1);
  if (info != 0) return {"dsytrd_sy2sb", info};
  dsytrd_sb2st_("Y", "N", "L", &n, &kd, nullptr, &ldab, nullptr, nullptr, &hous, &lhous,
                &chase_work, &query, &info, 1, 1, 1);
  if (info != 0) return {"dsytrd_sb2st", info};
  const lapack_int lwork = std::max(Size(band_work), Size(chase_work));
  lhous = std::max<lapack_int>(1, Size(hous));
  Carver carve;
  carve.Add<double>(static_cast<size_t>(ldab) * d).Add<double>(d).Add<double>(d);
  carve.Add<double>(lhous).Add<double>(lwork);
  Block scratch(carve.total());
  carve.Start(scratch.data());
  double* ab = carve.Take<double>(static_cast<size_t>(ldab) * d);
  double* tau = carve.Take<double>(d);
  double* e = carve.Take<double>(d);
  double* h = carve.Take<double>(lhous);
  double* work = carve.Take<double>(lwork);
  dsytrd_sy2sb_("L", &n, &kd, a, &n, ab, &ldab, tau, work, &lwork, &info, 1);
  if (info != 0) return {"dsytrd_sy2sb", info};
  // The bulge chasing and dsterf are sequential (no OpenMP in this LAPACK); only the first stage
  // keeps the job's threads.
  SingleBlasThread one_thread;
  dsytrd_sb2st_("Y", "N", "L", &n, &kd, ab, &ldab, w, e, h, &lhous, work, &lwork, &info, 1, 1, 1);
  if (info != 0) return {"dsytrd_sb2st", info};
  info = LAPACKE_dsterf_work(n, w, e);
  return info == 0 ? Status{} : Status{"dsterf", info};
}

}  // namespace rmtkit
