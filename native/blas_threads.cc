#include "blas_threads.h"

#include <cblas.h>
#include <dlfcn.h>

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>

namespace rmtkit {
namespace {

using SetThreadsFn = void (*)(int);
using GetIntFn = int (*)();

SetThreadsFn set_threads = nullptr;  // resolved once by InitBlasThreads; null: not OpenBLAS
GetIntFn get_threads = nullptr;
bool pthreads = false;  // a pthreads build, whose count is process-wide
int max_threads = 0;
int env_threads = 0;  // a count fixed by the environment, 0 if none
// RMTKIT_BLAS_IDLE=1: calls below their threshold, and LAPACK calls above it, take the idle
// cores (see PerCallCount).
bool idle_rule = false;
// Written under the job mutex, read by info() without it.
std::atomic<int> fixed_threads{0};  // the count fixed now (setThreads or the environment), 0: per call
std::atomic<int> last_call_threads{0};
// When the last job that ran on several threads ended, and on how many (job mutex held).
std::chrono::steady_clock::time_point last_parallel_end{};
int last_parallel_threads = 0;

// Below this many operations a job always takes one thread: a second core saves at most a
// fraction of a millisecond there, and reading /proc costs a few microseconds.
constexpr double kIdleCheckFlops = 2e7;
// How long after a multi-threaded job OpenBLAS's idle workers still count as runnable: they
// wait by calling sched_yield in a loop for up to 2^28 cycles (THREAD_TIMEOUT 28, about 0.1 s)
// before they sleep.
constexpr auto kWorkerYieldWindow = std::chrono::milliseconds(300);

// OpenBLAS reads these in this order (its openblas_env.c); any positive value fixes the count.
int EnvironmentThreads() {
  for (const char* name : {"OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && std::atoi(value) > 0) return std::atoi(value);
  }
  return 0;
}

void Resolve() {
  // Asks the very object that serves cblas_dgemm, so a BLAS swapped in under OpenBLAS's name
  // (Debian's alternatives) or another BLAS is recognised by what it exports, not by its path.
  Dl_info library;
  if (dladdr(reinterpret_cast<void*>(&cblas_dgemm), &library) == 0 || library.dli_fname == nullptr) return;
  void* handle = dlopen(library.dli_fname, RTLD_LAZY | RTLD_NOLOAD);
  if (handle == nullptr) return;
  auto set = reinterpret_cast<SetThreadsFn>(dlsym(handle, "openblas_set_num_threads"));
  auto get = reinterpret_cast<GetIntFn>(dlsym(handle, "openblas_get_num_threads"));
  auto parallel = reinterpret_cast<GetIntFn>(dlsym(handle, "openblas_get_parallel"));
  dlclose(handle);  // NOLOAD took one more reference; the library stays loaded
  if (set == nullptr || get == nullptr || parallel == nullptr) return;
  set_threads = set;
  get_threads = get;
  max_threads = get();
  // An OpenMP build sets the calling thread's OpenMP count only, and asynchronous jobs run on
  // libuv's threads; a sequential build has nothing to choose.
  pthreads = parallel() == 1;
  env_threads = EnvironmentThreads();
  fixed_threads = env_threads;
  const char* idle = std::getenv("RMTKIT_BLAS_IDLE");
  idle_rule = idle != nullptr && idle[0] == '1' && idle[1] == '\0';
}

// Threads of other work runnable right now: the fourth field of /proc/loadavg ("running/total")
// counts every runnable thread of the machine, the caller included, and this process's own
// OpenBLAS workers while they still yield after a multi-threaded job. -1 when it cannot be read
// (not Linux): the caller then treats the cores as busy.
int OtherRunnable() {
  const int fd = open("/proc/loadavg", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  char text[128];
  const ssize_t length = read(fd, text, sizeof text - 1);
  close(fd);
  if (length <= 0) return -1;
  text[length] = '\0';
  // "0.98 1.89 2.18 3/512 12345": skip three fields, then read the number before '/'.
  const char* p = text;
  for (int field = 0; field < 3; field++) {
    while (*p != '\0' && *p != ' ') p++;
    while (*p == ' ') p++;
  }
  if (*p < '0' || *p > '9') return -1;
  int running = 0;
  while (*p >= '0' && *p <= '9') running = running * 10 + (*p++ - '0');
  int others = running - 1;
  if (last_parallel_threads > 1 &&
      std::chrono::steady_clock::now() - last_parallel_end < kWorkerYieldWindow)
    others -= last_parallel_threads - 1;
  return others < 0 ? 0 : others;
}

// The count for a job of `flops` operations under the per-call rule: every thread above
// `parallel_flops`, one below. With RMTKIT_BLAS_IDLE=1, a job from kIdleCheckFlops on takes as
// many threads as there are idle cores instead, and a LAPACK job above its threshold too: there
// a busy machine made a two-thread eigvalsh at d = 4000 take 2.4x numpy's time, one thread (and
// the two-stage reduction it selects) 0.43x. Products keep every thread above theirs: their
// threads rarely wait for each other, and one thread took 1.45x at d = 4000 under the same load.
// Opt-in, because OpenBLAS's threaded matrix-vector products sum in an order that depends on the
// count, so LAPACK results would then differ in their last bits between a quiet and a busy moment
// (docs/performance.md, "Threads per call").
int PerCallCount(double flops, double parallel_flops) {
  const bool above = flops >= parallel_flops;
  if (above && (!idle_rule || parallel_flops < kLapackParallel)) return max_threads;
  if (!idle_rule || flops < kIdleCheckFlops) return 1;
  const int others = OtherRunnable();
  if (others < 0) return 1;
  const int idle = max_threads - others;
  return idle < 1 ? 1 : idle;
}

}  // namespace

void InitBlasThreads() {
  // Every worker thread that loads the addon runs Init; the state is the process's, set once.
  static std::once_flag once;
  std::call_once(once, Resolve);
}

bool IdleCoreRule() { return idle_rule; }

bool PerCallThreads() { return pthreads && fixed_threads == 0 && max_threads > 1; }

bool SingleThreadJobs() { return set_threads != nullptr && pthreads && fixed_threads == 1; }

int SetFixedBlasThreads(int threads) {
  const int previous = fixed_threads.exchange(threads > 0 ? threads : env_threads);
  const int now = fixed_threads;
  if (set_threads != nullptr) set_threads(now > 0 ? now : max_threads);
  return previous;
}

CallThreads::CallThreads(double flops, double parallel_flops) {
  if (PerCallThreads()) {
    const int count = PerCallCount(flops, parallel_flops);
    const int current = get_threads();
    if (count != current) {
      restore_ = current;
      set_threads(count);
    }
  }
  threads_ = get_threads != nullptr ? get_threads() : 0;
  last_call_threads = threads_;
}

CallThreads::~CallThreads() {
  if (threads_ > 1) {
    last_parallel_end = std::chrono::steady_clock::now();
    last_parallel_threads = threads_;
  }
  if (restore_ > 0) set_threads(restore_);
}

SingleBlasThread::SingleBlasThread() {
  if (set_threads == nullptr || !pthreads) return;
  const int current = get_threads();
  if (current > 1) {
    restore_ = current;
    set_threads(1);
  }
}

SingleBlasThread::~SingleBlasThread() {
  if (restore_ > 0) set_threads(restore_);
}

int LastCallBlasThreads() { return last_call_threads; }

}  // namespace rmtkit
