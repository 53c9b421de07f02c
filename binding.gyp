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
        "native/cholesky.cc",
        "native/decompositions.cc",
        "native/least_squares.cc",
        "native/memory.cc"
      ],
      "dependencies": [
        "<!(node -p \"require('node-addon-api').targets\"):node_addon_api_except_all"
      ],
      "defines": ["NAPI_VERSION=8"],
      "cflags_cc": ["-std=c++17", "-O3"],
      "libraries": ["-lopenblas", "-llapacke"]
    }
  ]
}
