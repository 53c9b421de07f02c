/* Eigenvalues only of a random symmetric d×d matrix by LAPACK's one-stage dsyevd against the
 * two-stage reduction rmtkit's eigvalsh takes from d = 2048 on (native/two_stage.h): dsyev_2stage
 * (LAPACK's own band width) and dsytrd_sy2sb + dsytrd_sb2st + dsterf with a chosen band width kd.
 * Prints process CPU and wall seconds and the largest difference from dsyevd's eigenvalues.
 * Build and run (methods: evd, ev2, or a band width):
 *   cc -O2 bench/eigvalsh-stages.c -o /tmp/stages -llapacke -lopenblas
 *   OPENBLAS_NUM_THREADS=1 /tmp/stages 4096 evd ev2 32 64 96 evd 64 */
#include <lapacke.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <time.h>

void dsytrd_sy2sb_(const char*, const int*, const int*, double*, const int*, double*, const int*,
                   double*, double*, const int*, int*, size_t);
void dsytrd_sb2st_(const char*, const char*, const char*, const int*, const int*, double*,
                   const int*, double*, double*, double*, const int*, double*, const int*, int*,
                   size_t, size_t, size_t);
void dsterf_(const int*, double*, double*, int*);

static double clock_of(clockid_t id) {
  struct timespec t;
  clock_gettime(id, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

/* dsytrd_sy2sb to band width kd, dsytrd_sb2st to tridiagonal, dsterf: eigenvalues into w. */
static int two_stage(double* a, int d, int kd, double* w) {
  int ldab = kd + 1, info = 0, lwork = -1, lhous = -1;
  double query, hquery;
  double* ab = malloc(sizeof(double) * ldab * d);
  double* tau = malloc(sizeof(double) * d);
  double* e = malloc(sizeof(double) * d);
  dsytrd_sy2sb_("L", &d, &kd, a, &d, ab, &ldab, tau, &query, &lwork, &info, 1);
  lwork = (int)query;
  double* work = malloc(sizeof(double) * lwork);
  dsytrd_sy2sb_("L", &d, &kd, a, &d, ab, &ldab, tau, work, &lwork, &info, 1);
  if (info != 0) return info;
  int lwork2 = -1;
  dsytrd_sb2st_("Y", "N", "L", &d, &kd, ab, &ldab, w, e, &hquery, &lhous, &query, &lwork2, &info, 1, 1, 1);
  lhous = (int)hquery > 1 ? (int)hquery : 1;
  lwork2 = (int)query;
  double* hous = malloc(sizeof(double) * lhous);
  double* work2 = malloc(sizeof(double) * lwork2);
  dsytrd_sb2st_("Y", "N", "L", &d, &kd, ab, &ldab, w, e, hous, &lhous, work2, &lwork2, &info, 1, 1, 1);
  if (info == 0) dsterf_(&d, w, e, &info);
  free(ab), free(tau), free(e), free(work), free(hous), free(work2);
  return info;
}

int main(int argc, char** argv) {
  const int d = argc > 1 ? atoi(argv[1]) : 2048;
  double* a = malloc(sizeof(double) * d * d);
  double* copy = malloc(sizeof(double) * d * d);
  double* reference = malloc(sizeof(double) * d);
  double* w = malloc(sizeof(double) * d);
  srand(1);
  for (int i = 0; i < d; i++)
    for (int j = 0; j <= i; j++) a[(long)i * d + j] = a[(long)j * d + i] = rand() / (double)RAND_MAX - 0.5;
  memcpy(copy, a, sizeof(double) * d * d);
  LAPACKE_dsyevd(LAPACK_COL_MAJOR, 'N', 'L', d, copy, d, reference);
  for (int k = 2; k < argc; k++) {
    memcpy(copy, a, sizeof(double) * d * d);
    const double cpu = clock_of(CLOCK_PROCESS_CPUTIME_ID), wall = clock_of(CLOCK_MONOTONIC);
    int info;
    if (!strcmp(argv[k], "evd")) info = LAPACKE_dsyevd(LAPACK_COL_MAJOR, 'N', 'L', d, copy, d, w);
    else if (!strcmp(argv[k], "ev2")) info = LAPACKE_dsyev_2stage(LAPACK_COL_MAJOR, 'N', 'L', d, copy, d, w);
    else info = two_stage(copy, d, atoi(argv[k]), w);
    const double cpu_s = clock_of(CLOCK_PROCESS_CPUTIME_ID) - cpu, wall_s = clock_of(CLOCK_MONOTONIC) - wall;
    double diff = 0;
    for (int i = 0; i < d; i++) diff = fabs(w[i] - reference[i]) > diff ? fabs(w[i] - reference[i]) : diff;
    printf("d %d %-4s cpu %.3f s  wall %.3f s  info %d  max |diff| %.2e (λmax %.2f)\n", d, argv[k],
           cpu_s, wall_s, info, diff, reference[d - 1]);
    fflush(stdout);
  }
  return 0;
}
