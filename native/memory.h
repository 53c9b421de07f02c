// Large buffers on transparent huge pages. On the VMs this project runs on, faulting in a fresh
// 4 KiB page costs ~12 µs: 25 ms for an 8 MB result, more than a d = 1000 Gram matrix takes to
// compute (numpy hides this by reusing freed heap memory). A 2 MiB huge page faults in once.
#pragma once

#include <napi.h>

#include <cstddef>

namespace rmtkit {

// An owned buffer with unspecified contents: a huge-page mapping for large sizes (recycled
// between calls), calloc otherwise.
// Move-only; throws std::bad_alloc when memory is exhausted.
class Block {
 public:
  Block() = default;
  explicit Block(size_t bytes);
  ~Block();
  Block(Block&& other) noexcept;
  Block& operator=(Block&& other) noexcept;
  Block(const Block&) = delete;
  Block& operator=(const Block&) = delete;

  void* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  void Free();
  void* data_ = nullptr;
  size_t size_ = 0;
  size_t mapped_ = 0;  // bytes mapped with mmap, 0 when malloc'ed
};

// Makes glibc serve allocations up to 32 MiB from its heap and keep up to 256 MiB of freed heap,
// so that V8's large ArrayBuffers (results, temporaries) reuse freed memory instead of mapping
// fresh pages: on this project's VMs every fresh 4 KiB page faults in at ~12 us, 24-33 ms per 8 MB
// result, as long as a d = 1000 Gram matrix takes to compute. numpy gets this reuse for free
// because its arrays are freed at once (glibc then raises the threshold itself); V8 frees them
// at its next garbage collection, after glibc has already unmapped them. Opt out with
// RMTKIT_MALLOC_TUNING=0. Returns whether the settings took effect. Measured: bench/linalg-parts.ts.
bool TuneMalloc();

// A new Float64Array of `length` zeros, with huge pages requested for the bulk of large ones.
Napi::Float64Array NewFloat64Array(Napi::Env env, size_t length);

// Carves 64-byte-aligned typed arrays out of one Block: first sum the sizes with Add, then
// Start on a Block of total() bytes and Take in the same order.
class Carver {
 public:
  template <typename T>
  Carver& Add(size_t count) {
    total_ += Round(count * sizeof(T));
    return *this;
  }
  size_t total() const { return total_; }
  void Start(void* base) { next_ = static_cast<char*>(base); }
  template <typename T>
  T* Take(size_t count) {
    T* out = reinterpret_cast<T*>(next_);
    next_ += Round(count * sizeof(T));
    return out;
  }

 private:
  static size_t Round(size_t bytes) { return (bytes + 63) & ~static_cast<size_t>(63); }
  size_t total_ = 0;
  char* next_ = nullptr;
};

}  // namespace rmtkit
