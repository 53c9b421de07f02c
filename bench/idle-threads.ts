// How the opt-in idle-core rule (RMTKIT_BLAS_IDLE=1, docs/performance.md "Threads per call")
// changes a mid-size call: eigvalsh of a d = 1000 Gram matrix, 7 calls after a warm-up, in a fresh
// process per setting (the addon reads its environment once), with the thread count each call ran
// on, and numpy's eigvalsh of the same shape in the same run.
// Usage: node --import tsx bench/idle-threads.ts [--rounds 2]
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { parseArgs } from './args.js';

const rounds = Number(parseArgs(process.argv.slice(2)).rounds ?? 2);
const child = `
  const { eigvalsh, gram } = await import('./src/linalg/api.ts');
  const { gaussianMatrix } = await import('./src/random/gaussian.ts');
  const addon = (await import('node:module')).createRequire(process.cwd() + '/')('./build/Release/rmtkit.node');
  const a = gram(gaussianMatrix(2000, 1000, 1), 1 / 2000);
  eigvalsh(a);
  const ms = [], threads = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    eigvalsh(a);
    ms.push(performance.now() - t);
    threads.push(addon.info().lastCallThreads);
  }
  console.log(JSON.stringify({ ms, threads }));`;
const numpy = `
import json, time, numpy as np
x = np.random.default_rng(1).standard_normal((2000, 1000)); a = x.T @ x / 2000; np.linalg.eigvalsh(a)
ms = []
for _ in range(7):
    s = time.perf_counter(); np.linalg.eigvalsh(a); ms.append((time.perf_counter() - s) * 1e3)
print(json.dumps({"ms": ms}))`;
const settings: Record<string, Record<string, string>> = {
  default: {},
  'RMTKIT_BLAS_IDLE=1': { RMTKIT_BLAS_IDLE: '1' },
  'OPENBLAS_NUM_THREADS=2': { OPENBLAS_NUM_THREADS: '2' },
};
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
console.log(`eigvalsh d = 1000, median of 7 calls (ms); load ${loadavg()[0].toFixed(1)}`);
for (let r = 0; r < rounds; r++) {
  const np = JSON.parse(execFileSync('python3', ['-c', numpy], { encoding: 'utf8' })) as {
    ms: number[];
  };
  const line = [`round ${r + 1}: numpy ${median(np.ms).toFixed(0)}`];
  for (const [name, env] of Object.entries(settings)) {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', child],
      {
        encoding: 'utf8',
        env: { ...process.env, OPENBLAS_NUM_THREADS: '', ...env },
      },
    );
    const { ms, threads } = JSON.parse(out) as { ms: number[]; threads: number[] };
    line.push(
      `${name} ${median(ms).toFixed(0)} (${(median(ms) / median(np.ms)).toFixed(2)}×, threads ${threads.join('')})`,
    );
  }
  console.log(line.join('; '));
}
