/* Plain C timing of Debian's LAPACKE_dsyevd (eigenvalues only) on a random symmetric matrix: the
 * floor for rmtkit's native eigvalsh, to compare with numpy's np.linalg.eigvalsh on this machine;
 * also its two steps, the reduction dsytrd and the tridiagonal QL/QR dsterf, and the two-stage
 * driver dsyevd_2stage.
 * Build and run:  cc -O2 bench/dsyevd.c -o /tmp/dsyevd -llapacke -lopenblas && /tmp/dsyevd 1000
 * Add -DSPIN for OpenBLAS's waits spinning in user space, as the rmtkit addon makes them
 * (native/blas_spin.h): this program's sched_yield then takes the place of the C library's.
 * numpy:          python3 -c "import numpy as np,time;a=np.random.rand(1000,1000);a=a+a.T;
 *                 t=[time.perf_counter(),np.linalg.eigvalsh(a),time.perf_counter()];print(t[2]-t[0])"
 * scipy's bundled OpenBLAS, the two steps (lwork large enough for the blocked dsytrd):
 *   python3 -c "import numpy as np,time;from scipy.linalg import lapack;a=np.random.rand(1000,1000);
 *   a=a+a.T;s=time.perf_counter();c,d,e,t,i=lapack.dsytrd(a,lower=1,lwork=64000);m=time.perf_counter();
 *   lapack.dsterf(d,e);print(m-s,time.perf_counter()-m)"  (run it a few times; take the best) */
#include <lapacke.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef SPIN
#include <immintrin.h>
int sched_yield(void) {
  for (int i = 0; i < 4; i++) _mm_pause();
  return 0;
}
#endif

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char** argv) {
  const int d = argc > 1 ? atoi(argv[1]) : 1000;
  double* a = malloc(sizeof(double) * d * d);
  double* work = malloc(sizeof(double) * d * d);
  double* w = malloc(sizeof(double) * d);
  srand(1);
  for (int i = 0; i < d; i++)
    for (int j = 0; j <= i; j++) a[i * d + j] = a[j * d + i] = rand() / (double)RAND_MAX - 0.5;
  double best = 1e30;
  for (int r = 0; r < 6; r++) { /* best of 6, each on a fresh copy (dsyevd overwrites its input) */
    memcpy(work, a, sizeof(double) * d * d);
    const double start = now();
    LAPACKE_dsyevd(LAPACK_COL_MAJOR, 'N', 'L', d, work, d, w);
    const double elapsed = now() - start;
    if (elapsed < best) best = elapsed;
  }
  printf("LAPACKE_dsyevd('N') d = %d: %.1f ms (best of 6)\n", d, best * 1e3);
  double* diag = malloc(sizeof(double) * d);
  double* off = malloc(sizeof(double) * d);
  double* tau = malloc(sizeof(double) * d);
  double reduce = 1e30, iterate = 1e30;
  for (int r = 0; r < 6; r++) {
    memcpy(work, a, sizeof(double) * d * d);
    double start = now();
    LAPACKE_dsytrd(LAPACK_COL_MAJOR, 'L', d, work, d, diag, off, tau);
    double mid = now();
    LAPACKE_dsterf(d, diag, off);
    double end = now();
    if (mid - start < reduce) reduce = mid - start;
    if (end - mid < iterate) iterate = end - mid;
  }
  printf("  of which LAPACKE_dsytrd %.1f ms, LAPACKE_dsterf %.1f ms (best of 6 each)\n", reduce * 1e3, iterate * 1e3);
  double staged = 1e30; /* the two-stage driver (dense -> band -> tridiagonal), values only */
  for (int r = 0; r < 6; r++) {
    memcpy(work, a, sizeof(double) * d * d);
    const double start = now();
    LAPACKE_dsyevd_2stage(LAPACK_COL_MAJOR, 'N', 'L', d, work, d, w);
    if (now() - start < staged) staged = now() - start;
  }
  printf("LAPACKE_dsyevd_2stage('N'): %.1f ms (best of 6)\n", staged * 1e3);
  free(diag);
  free(off);
  free(tau);
  free(a);
  free(work);
  free(w);
  return 0;
}
