// How OpenBLAS's threads wait for each other. OpenBLAS before 0.3.27 (Debian bookworm ships
// 0.3.21) busy-waits with sched_yield(): its idle workers between jobs, and the calling thread
// until the workers finish. OpenBLAS 0.3.27 stopped calling it on x86-64 Linux (upstream pull
// request 4549, "Stop using sched_yield on non-Windows x86_64") and spins in user space, as the
// OpenBLAS in numpy's wheel does. The system call is dear on virtual machines: on this project's,
// `perf record -e cpu-clock` on bench/dsyevd.c (d = 1000) finds 44 % of the CPU time in
// sched_yield and the hypervisor's interrupt path, and the reduction dsytrd takes 36 ms against
// 30 ms once the waits spin in user space (the same program built with -DSPIN; the addon's
// eigvalsh with and without: bench/linalg-parts.ts, section 5).
#pragma once

namespace rmtkit {

// With RMTKIT_BLAS_SPIN=1 only (off by default since issue 23: spinning waiters starve the
// threads they wait for once cores are oversubscribed; docs/performance.md has the numbers),
// points the sched_yield import of each loaded OpenBLAS older than 0.3.27 at a short spin on the
// CPU's pause instruction (x86-64 Linux only). Any other BLAS, an OpenBLAS whose version string
// does not parse, or a library whose path does not name openblas is left alone. Returns whether
// an import was redirected.
bool SpinOpenblasWaits();

}  // namespace rmtkit
