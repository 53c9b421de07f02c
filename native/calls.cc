// Argument parsing for each kernel: the addon's JS signatures live here.
//   gemm(a, aRows, aCols, b, bRows, bCols, transA, transB, alpha) -> Float64Array (m×n)
//   gram(x, n, d, scale) -> Float64Array (d×d)      cholesky(a, d) / spdInverse(a, d) -> (d×d)
//   choleskySolve(l, d, b, k) -> (d×k)              eigvalsh(a, d) -> (d)
//   eigh(a, d) -> { values, vectors }   svd(a, m, n) -> { u, s, vt }   qr(a, m, n) -> { q, r }
#include <algorithm>
#include <climits>
#include <cstddef>
#include <string>

#include "calls.h"

namespace rmtkit {
namespace {

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
    if (!copy_) return array.Data();
    call_.copies.emplace_back(array.Data(), array.Data() + length);
    return call_.copies.back().data();
  }
  double* Output(const char* name, size_t length) {
    auto array = Napi::Float64Array::New(info_.Env(), length);
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

size_t Sq(int d) { return static_cast<size_t>(d) * d; }

void PrepareGemm(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int ar = args.Dim(1), ac = args.Dim(2), br = args.Dim(4), bc = args.Dim(5);
  const bool ta = args.Bool(6), tb = args.Bool(7);
  const double alpha = args.Number(8);
  const int m = ta ? ac : ar, k = ta ? ar : ac, n = tb ? br : bc;
  if ((tb ? bc : br) != k) args.Fail(3, "does not match the inner dimension of op(a)");
  const double* a = args.Input(0, ar, ac);
  const double* b = args.Input(3, br, bc);
  double* c = args.Single(static_cast<size_t>(m) * n);
  call.run = [=] { return Gemm(a, b, c, m, n, k, ta, tb, alpha); };
}

void PrepareGram(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int n = args.Dim(1), d = args.Dim(2);
  const double scale = args.Number(3);
  const double* x = args.Input(0, n, d);
  double* g = args.Single(Sq(d));
  call.run = [=] { return Gram(x, g, n, d, scale); };
}

// The square one-input kernels (a, d) -> d×d.
template <Status (*Kernel)(const double*, double*, int)>
void PrepareSquare(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int d = args.Dim(1);
  const double* a = args.Input(0, d, d);
  double* out = args.Single(Sq(d));
  call.run = [=] { return Kernel(a, out, d); };
}

void PrepareCholeskySolve(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int d = args.Dim(1), k = args.Dim(3);
  const double* l = args.Input(0, d, d);
  const double* b = args.Input(2, d, k);
  double* x = args.Single(static_cast<size_t>(d) * k);
  call.run = [=] { return CholeskySolve(l, b, x, d, k); };
}

void PrepareEigvalsh(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int d = args.Dim(1);
  const double* a = args.Input(0, d, d);
  double* w = args.Single(d);
  call.run = [=] { return Eigvalsh(a, w, d); };
}

void PrepareEigh(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int d = args.Dim(1);
  const double* a = args.Input(0, d, d);
  double* w = args.Output("values", d);
  double* v = args.Output("vectors", Sq(d));
  call.run = [=] { return Eigh(a, w, v, d); };
}

void PrepareSvd(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int m = args.Dim(1), n = args.Dim(2), k = std::min(m, n);
  const double* a = args.Input(0, m, n);
  double* u = args.Output("u", static_cast<size_t>(m) * k);
  double* s = args.Output("s", k);
  double* vt = args.Output("vt", static_cast<size_t>(k) * n);
  call.run = [=] { return Svd(a, u, s, vt, m, n); };
}

void PrepareQr(const Napi::CallbackInfo& info, bool copy, Call& call) {
  Args args(info, copy, call);
  const int m = args.Dim(1), n = args.Dim(2), k = std::min(m, n);
  const double* a = args.Input(0, m, n);
  double* q = args.Output("q", static_cast<size_t>(m) * k);
  double* r = args.Output("r", static_cast<size_t>(k) * n);
  call.run = [=] { return Qr(a, q, r, m, n); };
}

}  // namespace

const std::vector<KernelEntry>& KernelTable() {
  static const std::vector<KernelEntry> table = {
      {"gemm", PrepareGemm},
      {"gram", PrepareGram},
      {"cholesky", PrepareSquare<Cholesky>},
      {"choleskySolve", PrepareCholeskySolve},
      {"spdInverse", PrepareSquare<SpdInverse>},
      {"eigvalsh", PrepareEigvalsh},
      {"eigh", PrepareEigh},
      {"svd", PrepareSvd},
      {"qr", PrepareQr},
  };
  return table;
}

}  // namespace rmtkit
