// rmtkit's N-API addon: exports every kernel of calls.cc as `name(...)` (synchronous),
// `nameAsync(...)` (an AsyncWorker on the libuv pool returning a Promise, inputs copied) and
// `nameAsyncBorrowed(...)` (the same reading its inputs in place), plus info().
// One process-wide lock runs BLAS/LAPACK jobs one at a time: OpenBLAS already uses every core
// for one job, and concurrent jobs would oversubscribe them. While the count is fixed at one
// thread (a sweep's setThreads(1)) each job uses its caller's thread only, so jobs of several
// worker threads share the lock and run side by side, one per core.
#include <cblas.h>
#include <lapacke.h>
#include <napi.h>

#include <mutex>
#include <shared_mutex>
#include <string>
#include <utility>

#include "blas_spin.h"
#include "blas_threads.h"
#include "calls.h"
#include "memory.h"
#include "two_stage.h"

namespace rmtkit {
namespace {

bool malloc_tuned = false;  // set once by Init
bool blas_spin = false;     // set once by Init

std::shared_mutex& JobMutex() {
  static std::shared_mutex mutex;
  return mutex;
}

Status RunLocked(const Call& call) {
  {
    // The count cannot change while the lock is shared: setThreads takes it exclusively.
    std::shared_lock<std::shared_mutex> shared(JobMutex());
    if (SingleThreadJobs()) {
      CallThreads threads(call.flops, call.parallel_flops);  // only records the count here
      return call.run();
    }
  }
  std::lock_guard<std::shared_mutex> lock(JobMutex());
  CallThreads threads(call.flops, call.parallel_flops);
  return call.run();
}

// A LAPACK failure as a JS Error carrying { code, routine, info } for the JS side to translate
// into typed errors (info > 0 from dpotrf: the order of the first non-positive leading minor).
Napi::Error LapackError(Napi::Env env, const Status& status) {
  const std::string detail = status.info > 0 ? "info = " + std::to_string(status.info)
                                             : "argument " + std::to_string(-status.info) + " is invalid";
  auto error = Napi::Error::New(env, std::string("LAPACK ") + status.routine + " failed: " + detail);
  error.Set("code", "ERR_RMTKIT_LAPACK");
  error.Set("routine", status.routine);
  error.Set("info", Napi::Number::New(env, status.info));
  return error;
}

const KernelEntry& EntryOf(const Napi::CallbackInfo& info) {
  return *static_cast<const KernelEntry*>(info.Data());
}

Napi::Value RunSync(const Napi::CallbackInfo& info) {
  Call call;
  EntryOf(info).prepare(info, false, call);
  call.parallel_flops = EntryOf(info).parallel_flops;
  const Status status = RunLocked(call);
  if (!status.ok()) throw LapackError(info.Env(), status);
  return call.Result();
}

class Worker : public Napi::AsyncWorker {
 public:
  Worker(Napi::Env env, Call call)
      : Napi::AsyncWorker(env, "rmtkit:kernel"), call_(std::move(call)), deferred_(Napi::Promise::Deferred::New(env)) {}

  Napi::Promise Promise() const { return deferred_.Promise(); }

 protected:
  // Runs on a libuv pool thread: touches only the call's raw buffers.
  void Execute() override { status_ = RunLocked(call_); }

  void OnOK() override {
    if (Detached()) {
      const char* what = "rmtkit native: an input array was detached (transferred) while the job read it";
      deferred_.Reject(Napi::Error::New(Env(), what).Value());
    } else if (status_.ok()) {
      deferred_.Resolve(call_.Result());
    } else {
      deferred_.Reject(LapackError(Env(), status_).Value());
    }
  }

  void OnError(const Napi::Error& error) override { deferred_.Reject(error.Value()); }

 private:
  // Whether a borrowed input lost its buffer while the job ran (its values cannot be trusted).
  bool Detached() const {
    for (const Napi::ObjectReference& input : call_.borrowed) {
      if (input.Value().As<Napi::TypedArray>().ArrayBuffer().IsDetached()) return true;
    }
    return false;
  }

  Call call_;
  Status status_;
  Napi::Promise::Deferred deferred_;
};

Napi::Value Launch(const Napi::CallbackInfo& info, Call call) {
  call.parallel_flops = EntryOf(info).parallel_flops;
  auto* worker = new Worker(info.Env(), std::move(call));
  Napi::Promise promise = worker->Promise();
  worker->Queue();
  return promise;
}

Napi::Value RunAsync(const Napi::CallbackInfo& info) {
  Call call;
  // Inputs are copied now, so JS may reuse or mutate its arrays while the job runs.
  EntryOf(info).prepare(info, true, call);
  return Launch(info, std::move(call));
}

// `nameAsyncBorrowed`: the job reads the caller's arrays in place (references keep them alive),
// for callers that neither modify nor transfer them until the promise settles. Saves the copy:
// for a 4096 × 11008 layer 360 MB, 0.1-1.2 s on the JS thread (fresh pages fault in slowly here).
// A buffer found detached when the job ends rejects the promise.
Napi::Value RunAsyncBorrowed(const Napi::CallbackInfo& info) {
  Call call;
  call.borrow = true;
  EntryOf(info).prepare(info, false, call);
  return Launch(info, std::move(call));
}

Napi::Value Info(const Napi::CallbackInfo& info) {
  auto result = Napi::Object::New(info.Env());
  result.Set("config", openblas_get_config());
  result.Set("corename", openblas_get_corename());
  result.Set("threads", openblas_get_num_threads());
  result.Set("threadsPerCall", PerCallThreads());
  result.Set("lastCallThreads", LastCallBlasThreads());
  result.Set("parallel", openblas_get_parallel());
  result.Set("mallocTuned", malloc_tuned);
  result.Set("blasSpin", blas_spin);
  result.Set("blasIdleCores", IdleCoreRule());
  result.Set("eigvalshTwoStageFrom", kTwoStageFrom);
  // Per kernel, the operation count from which a call takes every thread under the per-call rule
  // (below it, one): callers that run independent jobs side by side size them by it.
  auto thresholds = Napi::Object::New(info.Env());
  for (const KernelEntry& entry : KernelTable()) thresholds.Set(entry.name, entry.parallel_flops);
  result.Set("parallelFlops", thresholds);
  return result;
}

// Fixes OpenBLAS's thread count for the whole process (threads ≥ 1), or returns to choosing it
// per call (0), and returns the previous setting (0: per call): a sweep that runs k worker
// threads asks for one BLAS thread each, so k·cores threads never fight for cores.
Napi::Value SetThreads(const Napi::CallbackInfo& info) {
  if (info.Length() != 1 || !info[0].IsNumber() || info[0].As<Napi::Number>().Int32Value() < 0) {
    throw Napi::TypeError::New(info.Env(), "setThreads(threads): threads must be an integer ≥ 0");
  }
  // Under the job mutex: an asynchronous job may be choosing its own count right now.
  std::lock_guard<std::shared_mutex> lock(JobMutex());
  return Napi::Number::New(info.Env(), SetFixedBlasThreads(info[0].As<Napi::Number>().Int32Value()));
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  // Inputs are validated finite in JS (the Gram matrix's afterwards, from its diagonal); LAPACKE's
  // own O(d²) NaN scan would double the cost of a one-column triangular solve.
  LAPACKE_set_nancheck(0);
  malloc_tuned = TuneMalloc();
  blas_spin = SpinOpenblasWaits();
  InitBlasThreads();
  for (const KernelEntry& entry : KernelTable()) {
    void* data = const_cast<KernelEntry*>(&entry);
    exports.Set(entry.name, Napi::Function::New(env, RunSync, entry.name, data));
    const std::string async = std::string(entry.name) + "Async";
    exports.Set(async, Napi::Function::New(env, RunAsync, async, data));
    const std::string borrowed = async + "Borrowed";
    exports.Set(borrowed, Napi::Function::New(env, RunAsyncBorrowed, borrowed, data));
  }
  exports.Set("info", Napi::Function::New(env, Info, "info"));
  exports.Set("setThreads", Napi::Function::New(env, SetThreads, "setThreads"));
  return exports;
}

}  // namespace
}  // namespace rmtkit

// NODE_API_MODULE pastes the name into an identifier, so it needs an unqualified function.
static Napi::Object InitRmtkit(Napi::Env env, Napi::Object exports) { return rmtkit::Init(env, exports); }

NODE_API_MODULE(rmtkit, InitRmtkit)
