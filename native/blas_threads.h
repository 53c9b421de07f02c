// OpenBLAS's thread count chosen per call from the size of the problem (issue 23). Debian's
// OpenBLAS 0.3.21 threads even the small matrix-vector products inside LAPACK; when the cores are
// busy each of their waits gives a time slice away, and at d = 300-500 a call took 8-40x numpy's
// time where one thread took 0.25-1.6x (docs/performance.md, "Threads per call").
#pragma once

namespace rmtkit {

// From how many operations a job runs on more than one OpenBLAS thread, measured with
// bench/check.ts on the shared machine and under load (docs/performance.md, "Threads per call").
// GEMM-bound jobs: gram, and the level-3 products and solves that are nothing else.
constexpr double kProductParallel = 2e8;
// LAPACK jobs whose blocked updates alternate with threaded matrix-vector products (dpotri,
// dsytrd, dgeqrf, dgebrd), each product a wait for the workers: spdInverse, eigvalsh and the
// other factorisations.
constexpr double kLapackParallel = 2e9;

// Finds OpenBLAS's thread functions in the library that provides cblas_dgemm and reads the
// environment. Per-call counts are on only for a pthreads OpenBLAS with more than one thread and
// none of OPENBLAS_NUM_THREADS, GOTO_NUM_THREADS, OMP_NUM_THREADS set (a count fixed by the user
// wins); another BLAS, a sequential or an OpenMP build is left alone. Runs once per process.
void InitBlasThreads();

// Whether RMTKIT_BLAS_IDLE=1 asked calls below their threshold, and LAPACK calls above it, to
// take the idle cores.
bool IdleCoreRule();

// Whether calls choose their own thread count right now (false while a count is fixed).
bool PerCallThreads();

// Fixes OpenBLAS's thread count for every later call (threads >= 1), or with threads = 0 returns
// to the process default: per call, unless the environment fixed a count. Returns the previous
// setting in the same terms (0: per call). Leaves the library alone when it is not OpenBLAS.
// Callers hold the job mutex.
int SetFixedBlasThreads(int threads);

// Whether every job runs on its calling thread alone right now: a pthreads OpenBLAS (thread-safe
// to call from several threads) whose count is fixed at one, by setThreads(1) or the environment.
// The caller holds the job mutex, shared or not; CallThreads then changes no count.
bool SingleThreadJobs();

// For the duration of one job (the caller holds the job mutex), under the per-call rule: every
// thread (OpenBLAS's count when the addon loaded) when the job does at least `parallel_flops`
// floating-point operations, one thread below that. With RMTKIT_BLAS_IDLE=1, as many threads as
// the machine has idle cores right now (one for tiny jobs), except that products above their
// threshold keep every thread. The count the process had is restored afterwards.
class CallThreads {
 public:
  CallThreads(double flops, double parallel_flops);
  ~CallThreads();
  CallThreads(const CallThreads&) = delete;
  CallThreads& operator=(const CallThreads&) = delete;

 private:
  int restore_ = 0;  // 0: nothing to restore
  int threads_ = 0;  // the count the job ran with
};

// For the duration of one step of a job (the caller holds the job mutex): OpenBLAS on one thread,
// the job's count restored afterwards. For steps that are sequential by design but call small
// BLAS routines that OpenBLAS would thread anyway, each call then a wait for the other workers
// (LAPACK's band-to-tridiagonal bulge chasing: 0.78-0.83 s on one thread, 1.4-1.7 s on two, at
// d = 4096). Nothing changes while the count is already one, so jobs that run side by side on one
// thread each never touch the process-wide setting.
class SingleBlasThread {
 public:
  SingleBlasThread();
  ~SingleBlasThread();
  SingleBlasThread(const SingleBlasThread&) = delete;
  SingleBlasThread& operator=(const SingleBlasThread&) = delete;

 private:
  int restore_ = 0;  // 0: nothing to restore
};

// OpenBLAS's thread count as seen inside the last job (0 when the library is not OpenBLAS): what
// the tests check.
int LastCallBlasThreads();

}  // namespace rmtkit
