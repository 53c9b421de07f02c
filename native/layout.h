// Layout helpers shared by the kernels: transposes between row- and column-major buffers and
// mirroring of the triangle LAPACK leaves in symmetric results.
#pragma once

#include <algorithm>
#include <cstddef>

namespace rmtkit {

// dst (cols×rows) = transpose of src (rows×cols), both row-major; blocked so both sides stay
// in cache (a naive loop strides through memory on one side).
inline void Transpose(const double* src, double* dst, int rows, int cols) {
  constexpr int kBlock = 32;
  for (int ib = 0; ib < rows; ib += kBlock) {
    const int ie = std::min(rows, ib + kBlock);
    for (int jb = 0; jb < cols; jb += kBlock) {
      const int je = std::min(cols, jb + kBlock);
      for (int i = ib; i < ie; ++i) {
        for (int j = jb; j < je; ++j) dst[static_cast<size_t>(j) * rows + i] = src[static_cast<size_t>(i) * cols + j];
      }
    }
  }
}

// Copies the strict lower triangle of the row-major d×d buffer a onto its upper triangle
// (in column-major terms: the strict upper triangle onto the lower one).
inline void MirrorLowerToUpper(double* a, int d) {
  constexpr int kBlock = 32;
  for (int ib = 0; ib < d; ib += kBlock) {
    const int ie = std::min(d, ib + kBlock);
    for (int jb = 0; jb <= ib; jb += kBlock) {
      const int je = std::min(d, jb + kBlock);
      for (int i = ib; i < ie; ++i) {
        for (int j = jb; j < std::min(je, i); ++j) a[static_cast<size_t>(j) * d + i] = a[static_cast<size_t>(i) * d + j];
      }
    }
  }
}

// Zeros the strict upper triangle of the row-major d×d buffer a.
inline void ZeroStrictUpper(double* a, int d) {
  for (int i = 0; i < d; ++i) std::fill(a + static_cast<size_t>(i) * d + i + 1, a + static_cast<size_t>(i + 1) * d, 0.0);
}

}  // namespace rmtkit

namespace rmtkit {

// Transposes the row-major d×d buffer a in place, swapping 32×32 blocks across the diagonal.
inline void TransposeSquareInPlace(double* a, int d) {
  constexpr int kBlock = 32;
  for (int ib = 0; ib < d; ib += kBlock) {
    const int ie = std::min(d, ib + kBlock);
    for (int jb = ib; jb < d; jb += kBlock) {
      const int je = std::min(d, jb + kBlock);
      for (int i = ib; i < ie; ++i) {
        for (int j = std::max(jb, i + 1); j < je; ++j) {
          std::swap(a[static_cast<size_t>(i) * d + j], a[static_cast<size_t>(j) * d + i]);
        }
      }
    }
  }
}

}  // namespace rmtkit
