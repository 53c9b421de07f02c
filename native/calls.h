// A prepared kernel call: validated arguments, input pointers (borrowed from JS for synchronous
// calls and asynchronous ones with borrowed inputs, else owned copies), output Float64Arrays
// allocated on the JS thread, and a closure that runs the kernel touching only those raw buffers
// (safe off the JS thread).
#pragma once

#include <napi.h>

#include <functional>
#include <memory>
#include <vector>

#include "kernels.h"
#include "memory.h"

namespace rmtkit {

struct Call {
  // Keeps the output arrays alive while a worker writes into them.
  Napi::ObjectReference outputs;
  // The single output's name, or nullptr when the result is the whole outputs object.
  const char* single = nullptr;
  // Input copies owned by an asynchronous call (moving a Block keeps its buffer in place).
  std::vector<Block> copies;
  // Set before parsing for an asynchronous call that reads its inputs in place (addon.cc,
  // RunAsyncBorrowed): the caller's arrays, kept alive until the job completes.
  bool borrow = false;
  std::vector<Napi::ObjectReference> borrowed;
  std::function<Status()> run;
  // The job's floating-point operations to leading order, and the count from which OpenBLAS runs
  // it on more than one thread (native/blas_threads.h).
  double flops = 0;
  double parallel_flops = 0;

  Napi::Value Result() const { return single ? outputs.Value().Get(single) : outputs.Value(); }
};

// Parses info into a Call; copy = true makes the inputs owned copies. Throws Napi::TypeError.
using Prepare = void (*)(const Napi::CallbackInfo& info, bool copy, Call& call);

struct KernelEntry {
  const char* name;
  Prepare prepare;  // also sets call.flops
  double parallel_flops;
};

// The kernel table exported by the addon (name, argument parser, threading threshold).
const std::vector<KernelEntry>& KernelTable();

}  // namespace rmtkit
