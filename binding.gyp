# The rmtkit addon: a thin N-API binding of OpenBLAS (CBLAS) and LAPACKE. Built by
# scripts/install-native.mjs during `npm install` when libopenblas-dev and liblapacke-dev exist.
{
  "targets": [
    {
      "target_name": "rmtkit",
      "sources": [
        "native/addon.cc",
        "native/calls.cc",
        "native/blas.cc",
        "native/blas_spin.cc",
        "native/blas_threads.cc",
        "native/cholesky.cc",
        "native/decompositions.cc",
        "native/gram_eigenvalues.cc",
        "native/least_squares.cc",
        "native/memory.cc",
        "native/two_stage.cc"
      ],
      "dependencies": [
        "<!(node -p \"require('node-addon-api').targets\"):node_addon_api_except_all"
      ],
      # NODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS: a worker thread terminated during a kernel call
      # (a sweep stopping on an error) makes the addon's next N-API call fail; without it the C++
      # exception escapes node-addon-api's handler and aborts the whole process (SIGABRT).
      "defines": ["NAPI_VERSION=8", "NODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS"],
      "cflags_cc": ["-std=c++17", "-O3"],
      "libraries": ["-lopenblas", "-llapacke"]
    }
  ]
}
