#include "blas_spin.h"

#include <cblas.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#if defined(__linux__) && defined(__x86_64__)
#include <elf.h>
#include <immintrin.h>
#include <limits.h>
#include <link.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#endif

namespace rmtkit {
namespace {

// OpenBLAS 0.3.27 and later spin without the system call already.
bool YieldsInSystemCall(const char* config) {
  int major = 0, minor = 0, patch = 0;
  if (std::sscanf(config, "OpenBLAS %d.%d.%d", &major, &minor, &patch) != 3) return false;
  return major == 0 && (minor < 3 || (minor == 3 && patch < 27));
}

#if defined(__linux__) && defined(__x86_64__)

// What OpenBLAS's wait loops call instead of sched_yield: a few pause instructions, which tell
// the core it is spinning, then back to the loop's own test.
int SpinHint() {
  for (int i = 0; i < 4; ++i) _mm_pause();
  return 0;
}

// glibc rewrites the address-valued dynamic tags of a loaded object to absolute addresses; other
// loaders may leave them relative to the object's base.
uintptr_t Absolute(ElfW(Addr) value, uintptr_t base) { return value < base ? base + value : value; }

// Overwrites one import slot, lifting full RELRO's write protection for the moment it takes.
// Returns false if that protection could not be lifted.
bool Redirect(uintptr_t slot, const dl_phdr_info& object) {
  bool read_only = false;
  for (int i = 0; i < object.dlpi_phnum; ++i) {
    const ElfW(Phdr)& segment = object.dlpi_phdr[i];
    const uintptr_t start = object.dlpi_addr + segment.p_vaddr;
    if (segment.p_type == PT_GNU_RELRO && slot >= start && slot < start + segment.p_memsz) read_only = true;
  }
  const uintptr_t page_size = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  void* page = reinterpret_cast<void*>(slot & ~(page_size - 1));
  if (read_only && mprotect(page, page_size, PROT_READ | PROT_WRITE) != 0) return false;
  // Worker threads may be calling through the slot right now: one aligned 8-byte store.
  __atomic_store_n(reinterpret_cast<void**>(slot), reinterpret_cast<void*>(&SpinHint), __ATOMIC_RELEASE);
  if (read_only) mprotect(page, page_size, PROT_READ);
  return true;
}

// Redirects the object's sched_yield relocations (PLT and GOT) if it is an OpenBLAS library.
int Visit(dl_phdr_info* object, size_t, void* redirected) {
  char path[PATH_MAX];
  if (object->dlpi_name == nullptr || object->dlpi_name[0] == '\0') return 0;
  if (realpath(object->dlpi_name, path) == nullptr || std::strstr(path, "openblas") == nullptr) return 0;
  const ElfW(Dyn)* dynamic = nullptr;
  for (int i = 0; i < object->dlpi_phnum; ++i) {
    if (object->dlpi_phdr[i].p_type == PT_DYNAMIC) {
      dynamic = reinterpret_cast<const ElfW(Dyn)*>(object->dlpi_addr + object->dlpi_phdr[i].p_vaddr);
    }
  }
  if (dynamic == nullptr) return 0;
  const uintptr_t base = object->dlpi_addr;
  const ElfW(Sym)* symbols = nullptr;
  const char* names = nullptr;
  uintptr_t tables[2] = {0, 0};  // DT_JMPREL (PLT) and DT_RELA (GOT), both Elf64_Rela on x86-64
  size_t sizes[2] = {0, 0};
  for (const ElfW(Dyn)* entry = dynamic; entry->d_tag != DT_NULL; ++entry) {
    switch (entry->d_tag) {
      case DT_SYMTAB: symbols = reinterpret_cast<const ElfW(Sym)*>(Absolute(entry->d_un.d_ptr, base)); break;
      case DT_STRTAB: names = reinterpret_cast<const char*>(Absolute(entry->d_un.d_ptr, base)); break;
      case DT_JMPREL: tables[0] = Absolute(entry->d_un.d_ptr, base); break;
      case DT_PLTRELSZ: sizes[0] = entry->d_un.d_val; break;
      case DT_RELA: tables[1] = Absolute(entry->d_un.d_ptr, base); break;
      case DT_RELASZ: sizes[1] = entry->d_un.d_val; break;
      default: break;
    }
  }
  if (symbols == nullptr || names == nullptr) return 0;
  for (int t = 0; t < 2; ++t) {
    const auto* relocations = reinterpret_cast<const ElfW(Rela)*>(tables[t]);
    for (size_t r = 0; tables[t] != 0 && r < sizes[t] / sizeof(ElfW(Rela)); ++r) {
      const auto type = ELF64_R_TYPE(relocations[r].r_info);
      if (type != R_X86_64_JUMP_SLOT && type != R_X86_64_GLOB_DAT) continue;
      if (std::strcmp(names + symbols[ELF64_R_SYM(relocations[r].r_info)].st_name, "sched_yield") != 0) continue;
      if (Redirect(base + relocations[r].r_offset, *object)) *static_cast<bool*>(redirected) = true;
    }
  }
  return 0;
}

#endif

}  // namespace

bool SpinOpenblasWaits() {
  // Opt-in: on a machine with more runnable threads than cores the spin costs 2.7-15x against
  // sched_yield (docs/performance.md), for 10-25 % gained in eigvalsh on a quiet one.
  const char* setting = std::getenv("RMTKIT_BLAS_SPIN");
  if (setting == nullptr || std::strcmp(setting, "1") != 0) return false;
  if (!YieldsInSystemCall(openblas_get_config())) return false;
  bool redirected = false;
#if defined(__linux__) && defined(__x86_64__)
  dl_iterate_phdr(Visit, &redirected);
#endif
  return redirected;
}

}  // namespace rmtkit
