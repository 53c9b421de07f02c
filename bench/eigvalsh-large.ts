// The native eigvalsh on large symmetric matrices (two-stage reduction from d = 2048,
// docs/performance.md "Eigenvalues of large matrices") against numpy's np.linalg.eigvalsh
// (dsyevd), one call each per run on a random symmetric matrix, runs alternating between the two,
// in process CPU and wall seconds.
// Usage: OPENBLAS_NUM_THREADS=1 node --import tsx bench/eigvalsh-large.ts [--sizes 2048,4096]
// [--repeat 3]
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { eigvalsh } from '../src/linalg/api.js';
import { Matrix } from '../src/linalg/matrix.js';
import { randomStream } from '../src/random/stream.js';
import { parseArgs } from './args.js';

const args = parseArgs(process.argv.slice(2));
const sizes = (args.sizes ?? '2048,4096').split(',').map(Number);
const repeat = Number(args.repeat ?? 3);
const numpy = `import numpy as np, sys, time
d = int(sys.argv[1]); a = np.random.default_rng(1).random((d, d)) - 0.5; a = a + a.T
c, w = time.process_time(), time.perf_counter(); np.linalg.eigvalsh(a)
print(time.process_time() - c, time.perf_counter() - w)`;

console.log(`OPENBLAS_NUM_THREADS=${process.env.OPENBLAS_NUM_THREADS ?? 'default'}`);
for (const d of sizes) {
  const s = randomStream(d);
  const a = Matrix.zeros(d, d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j <= i; j++) a.data[i * d + j] = a.data[j * d + i] = s.uniform() - 0.5;
  for (let r = 1; r <= repeat; r++) {
    const out = execFileSync('python3', ['-c', numpy, String(d)], { encoding: 'utf8' });
    const [npCpu, npWall] = out.trim().split(' ').map(Number) as [number, number];
    const c = process.cpuUsage();
    const start = performance.now();
    eigvalsh(a);
    const used = process.cpuUsage(c);
    const cpu = (used.user + used.system) / 1e6;
    const wall = (performance.now() - start) / 1000;
    console.log(
      `d ${d} run ${r}: numpy cpu ${npCpu.toFixed(2)} wall ${npWall.toFixed(2)} | rmtkit cpu ${cpu.toFixed(2)} wall ${wall.toFixed(2)} | ×numpy cpu ${(cpu / npCpu).toFixed(2)} wall ${(wall / npWall).toFixed(2)}`,
    );
  }
}
