#include "blas_threads.h"

#include <cblas.h>
#include <dlfcn.h>

#include <atomic>
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
// Written under the job mutex, read by info() without it.
std::atomic<int> fixed_threads{0};  // the count fixed now (setThreads or the environment), 0: per call
std::atomic<int> last_call_threads{0};

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
}

}  // namespace

void InitBlasThreads() {
  // Every worker thread that loads the addon runs Init; the state is the process's, set once.
  static std::once_flag once;
  std::call_once(once, Resolve);
}

bool PerCallThreads() { return pthreads && fixed_threads == 0 && max_threads > 1; }

int SetFixedBlasThreads(int threads) {
  const int previous = fixed_threads.exchange(threads > 0 ? threads : env_threads);
  const int now = fixed_threads;
  if (set_threads != nullptr) set_threads(now > 0 ? now : max_threads);
  return previous;
}

CallThreads::CallThreads(double flops, double parallel_flops) {
  if (PerCallThreads() && flops < parallel_flops) {
    restore_ = get_threads();
    if (restore_ != 1) set_threads(1);
  }
  last_call_threads = get_threads != nullptr ? get_threads() : 0;
}

CallThreads::~CallThreads() {
  if (restore_ > 1) set_threads(restore_);
}

int LastCallBlasThreads() { return last_call_threads; }

}  // namespace rmtkit
