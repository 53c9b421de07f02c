#include "memory.h"

#include <sys/mman.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <new>
#include <utility>
#include <vector>

namespace rmtkit {
namespace {

constexpr size_t kHugePage = size_t{2} << 20;
// Below this, rounding up to whole huge pages would waste more than it saves.
constexpr size_t kHugeThreshold = size_t{1} << 20;

// Maps `bytes` rounded up to whole huge pages at a 2 MiB-aligned address (over-map, then trim
// both ends) and asks for transparent huge pages. Returns nullptr on failure.
void* MapHuge(size_t bytes, size_t* mapped) {
  const size_t size = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* raw = mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return nullptr;
  const uintptr_t start = reinterpret_cast<uintptr_t>(raw);
  const uintptr_t aligned = (start + kHugePage - 1) & ~(kHugePage - 1);
  if (aligned > start) munmap(raw, aligned - start);
  const size_t tail = start + size + kHugePage - (aligned + size);
  if (tail > 0) munmap(reinterpret_cast<void*>(aligned + size), tail);
#ifdef MADV_HUGEPAGE
  madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE);  // advisory: failure is harmless
#endif
  *mapped = size;
  return reinterpret_cast<void*>(aligned);
}

// Freed huge mappings are kept for the next call of the same size instead of being unmapped:
// a fresh mapping costs its page faults again (~2-3 ms for 8 MB here, 5-10 % of a d = 1000
// eigvalsh), while numpy's malloc reuses freed heap memory. Bounded in count and bytes; calls
// on AsyncWorker threads free blocks too, hence the mutex.
constexpr size_t kCacheEntries = 4;
constexpr size_t kCacheBytes = size_t{256} << 20;

struct Mapping {
  void* data;
  size_t size;
};

std::mutex cache_mutex;
std::vector<Mapping> cache;

void* TakeCached(size_t size) {
  std::lock_guard<std::mutex> lock(cache_mutex);
  for (size_t i = 0; i < cache.size(); ++i) {
    if (cache[i].size == size) {
      void* data = cache[i].data;
      cache.erase(cache.begin() + static_cast<std::ptrdiff_t>(i));
      return data;
    }
  }
  return nullptr;
}

void Release(void* data, size_t size) {
  {
    std::lock_guard<std::mutex> lock(cache_mutex);
    size_t total = size;
    for (const Mapping& m : cache) total += m.size;
    if (total <= kCacheBytes) {
      if (cache.size() == kCacheEntries) {
        munmap(cache.front().data, cache.front().size);  // oldest out
        cache.erase(cache.begin());
      }
      cache.push_back({data, size});
      return;
    }
  }
  munmap(data, size);
}

}  // namespace

Block::Block(size_t bytes) : size_(bytes) {
  if (bytes >= kHugeThreshold) {
    const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    data_ = TakeCached(rounded);
    if (data_ != nullptr) {
      mapped_ = rounded;
      return;
    }
    data_ = MapHuge(bytes, &mapped_);
  }
  if (data_ == nullptr) {
    mapped_ = 0;
    data_ = std::calloc(bytes == 0 ? 1 : bytes, 1);
    if (data_ == nullptr) throw std::bad_alloc();
  }
}

Block::~Block() { Free(); }

Block::Block(Block&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)), mapped_(std::exchange(other.mapped_, 0)) {}

Block& Block::operator=(Block&& other) noexcept {
  if (this != &other) {
    Free();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    mapped_ = std::exchange(other.mapped_, 0);
  }
  return *this;
}

void Block::Free() {
  if (data_ == nullptr) return;
  if (mapped_ > 0) {
    Release(data_, mapped_);
  } else {
    std::free(data_);
  }
  data_ = nullptr;
}

bool TuneMalloc() {
#if defined(__GLIBC__) && defined(M_MMAP_THRESHOLD)
  const char* setting = std::getenv("RMTKIT_MALLOC_TUNING");
  if (setting != nullptr && setting[0] == '0') return false;
  // glibc's largest allowed threshold on 64-bit; blocks above it stay mmap'ed (and fault afresh).
  const bool mmap = mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1;
  const bool trim = mallopt(M_TRIM_THRESHOLD, 256 << 20) == 1;
  return mmap && trim;
#else
  return false;
#endif
}

Napi::Float64Array NewFloat64Array(Napi::Env env, size_t length) {
  auto array = Napi::Float64Array::New(env, length);
#ifdef MADV_HUGEPAGE
  // V8 owns the memory (so the GC frees it promptly); a large fresh calloc is untouched mmap
  // memory, so huge pages can still be requested for its 2 MiB-aligned interior before the
  // kernel writes. External buffers would avoid the unaligned ends but are freed only from a
  // later event-loop turn, which a synchronous loop never reaches.
  const size_t bytes = length * sizeof(double);
  if (bytes >= 2 * kHugePage) {
    const uintptr_t start = reinterpret_cast<uintptr_t>(array.Data());
    const uintptr_t first = (start + kHugePage - 1) & ~(kHugePage - 1);
    const uintptr_t last = (start + bytes) & ~(kHugePage - 1);
    if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
  }
#endif
  return array;
}

}  // namespace rmtkit
