// Positional-argument reader shared by the kernel parsers in calls.cc.
#pragma once

#include <napi.h>

#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

#include "calls.h"

namespace rmtkit {

// Reads positional arguments into a Call, checking types and sizes so no kernel can read or
// write outside a buffer.
class Args {
 public:
  Args(const Napi::CallbackInfo& info, bool copy, Call& call)
      : info_(info), copy_(copy), call_(call), outputs_(Napi::Object::New(info.Env())) {
    call_.outputs = Napi::Persistent(outputs_);
  }

  int Dim(size_t i) const {
    const double v = Number(i);
    if (!(v >= 0 && v <= INT_MAX && v == static_cast<int>(v))) Fail(i, "must be an integer dimension in [0, 2^31)");
    return static_cast<int>(v);
  }
  double Number(size_t i) const {
    if (!info_[i].IsNumber()) Fail(i, "must be a number");
    return info_[i].As<Napi::Number>().DoubleValue();
  }
  bool Bool(size_t i) const {
    if (!info_[i].IsBoolean()) Fail(i, "must be a boolean");
    return info_[i].As<Napi::Boolean>().Value();
  }
  const double* Input(size_t i, int rows, int cols) {
    if (!info_[i].IsTypedArray() || info_[i].As<Napi::TypedArray>().TypedArrayType() != napi_float64_array) {
      Fail(i, "must be a Float64Array");
    }
    auto array = info_[i].As<Napi::Float64Array>();
    const size_t length = static_cast<size_t>(rows) * cols;
    if (array.ElementLength() != length) Fail(i, "must have rows·cols = " + std::to_string(length) + " entries");
    if (!copy_) {
      if (call_.borrow) call_.borrowed.push_back(Napi::Persistent(static_cast<Napi::Object>(array)));
      return array.Data();
    }
    Block copy(length * sizeof(double));
    std::memcpy(copy.data(), array.Data(), length * sizeof(double));
    call_.copies.push_back(std::move(copy));
    return static_cast<const double*>(call_.copies.back().data());
  }
  double* Output(const char* name, size_t length) {
    auto array = NewFloat64Array(info_.Env(), length);
    outputs_.Set(name, array);
    return array.Data();
  }
  int32_t* OutputInt32(const char* name, size_t length) {
    auto array = Napi::Int32Array::New(info_.Env(), length);
    outputs_.Set(name, array);
    return array.Data();
  }
  double* Single(size_t length) {
    call_.single = "result";
    return Output("result", length);
  }
  [[noreturn]] void Fail(size_t i, const std::string& what) const {
    throw Napi::TypeError::New(info_.Env(), "rmtkit native: argument " + std::to_string(i) + " " + what);
  }

 private:
  const Napi::CallbackInfo& info_;
  bool copy_;
  Call& call_;
  Napi::Object outputs_;
};

}  // namespace rmtkit
