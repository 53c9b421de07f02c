// Performance regression check (issue 23): reruns the headline ratios against numpy in one go and
// prints them as one table, every numpy number measured in the same run, interleaved with
// rmtkit's so that load from other processes hits both sides alike.
//   kernels  gram, spdInverse, eigvalsh at d = 1000, 2000, 4000 (bench/check-kernels.ts against
//            bench/check_numpy.py, one child process per side and run)
//   fit      a whole `rmtkit fit --json` process against a whole python process doing the same
//            closed form (bench/ssr_numpy.py): wall time and peak resident memory (/usr/bin/time)
//   normals  bench/random.ts when it exists
// Each row gives the median and range over the runs of (rmtkit time ÷ numpy time in that run).
// Usage: npm run bench:check [-- --runs 3] [--sizes 1000,2000,4000]
//   [--fit 4000x2000,8000x4000 | --fit none] [--load]
//   [--variants RMTKIT_BLAS_SPIN=1,RMTKIT_BLAS_SPIN=0+OPENBLAS_NUM_THREADS=1]
// --load runs bench/load_gemm.py (3000 × 3000 products on every core) for the whole check;
// --variants measures rmtkit in several environments (comma-separated, '+' joins variables)
// against the same numpy runs (docs/performance.md).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './args.js';
import { newestSource, type Sample, summarise } from './check-table.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = parseArgs(process.argv.slice(2));
const runs = Number(args.runs ?? 3);
const sizes = (args.sizes ?? '1000,2000,4000').split(',').map(Number);
const kernels = ['gram', 'spdInverse', 'eigvalsh'];
const shapes = (args.fit ?? '4000x2000,8000x4000')
  .split(',')
  .filter((s) => s !== 'none')
  .map((s) => s.split('x').map(Number));
// Each variant is one rmtkit environment ("RMTKIT_BLAS_SPIN=1+OPENBLAS_NUM_THREADS=1"), measured
// against the same numpy run; the default is the environment as it is.
const variants = (args.variants ?? '').split(',').map((v) =>
  Object.fromEntries(
    v
      .split('+')
      .filter(Boolean)
      .map((kv) => kv.split('=') as [string, string]),
  ),
);
const numpyEnv = { ...process.env };
const started = performance.now();

if (shapes.length > 0) ensureBuild();
const dir = mkdtempSync(join(tmpdir(), 'rmtkit-bench-check-'));
const files = shapes.map(([n, d]) => {
  const file = join(dir, `x${n}x${d}.npy`);
  execFileSync('python3', [
    '-c',
    `import numpy as np;np.save(${JSON.stringify(file)},np.random.default_rng(1).standard_normal((${n},${d})))`,
  ]);
  return { n: n!, d: d!, file };
});
const load = args.load
  ? spawn('python3', [join(root, 'bench/load_gemm.py')], { stdio: 'ignore' })
  : null;
const stopLoad = () => load?.kill();
process.on('exit', stopLoad);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
if (load) execFileSync('sleep', ['3']); // let the load reach full speed first
const loadBefore = loadavg()[0]!;

const samples: Sample[] = [];
const details = new Set<string>();
for (let r = 0; r < runs; r++) {
  // numpy first in even runs, last in odd ones, so that a change of load hits both sides.
  const order = r % 2 === 0 ? [-1, ...variants.keys()] : [...variants.keys(), -1];
  const kernelTimes = new Map<number, Record<string, number>>();
  const fitRuns = new Map<number, { seconds: number; kb: number }[]>();
  for (const v of order) {
    const env = v < 0 ? numpyEnv : { ...process.env, ...variants[v] };
    const config = JSON.stringify({ sizes, kernels });
    const out =
      v < 0
        ? json('python3', [join(root, 'bench/check_numpy.py'), config], env)
        : json(
            process.execPath,
            ['--import', 'tsx', join(root, 'bench/check-kernels.ts'), config],
            env,
          );
    kernelTimes.set(v, out.times);
    process.stderr.write(
      `run ${r + 1}/${runs} ${v < 0 ? 'numpy' : `variant ${v + 1}`}: ${JSON.stringify(out.times)}\n`,
    );
    if (v >= 0) details.add(JSON.stringify(out.details));
    fitRuns.set(
      v,
      files.map(({ file }) =>
        timed(
          v < 0
            ? [
                'python3',
                join(root, 'bench/ssr_numpy.py'),
                JSON.stringify({ file, lambda: 0.1, repeats: 1 }),
              ]
            : [
                process.execPath,
                join(root, 'bin/rmtkit.js'),
                'fit',
                '--data',
                file,
                '--lambda',
                '0.1',
                '--json',
              ],
          env,
        ),
      ),
    );
  }
  const numpyKernels = kernelTimes.get(-1)!;
  const numpyFits = fitRuns.get(-1)!;
  for (const [v, variant] of variants.entries()) {
    const tag = Object.keys(variant).length
      ? ` [${Object.entries(variant)
          .map(([k, value]) => `${k}=${value}`)
          .join(' ')}]`
      : '';
    for (const key of Object.keys(numpyKernels))
      samples.push({
        row: key.replace(':', ' d = ') + tag,
        unit: 's',
        ours: kernelTimes.get(v)![key]!,
        numpy: numpyKernels[key]!,
      });
    files.forEach(({ n, d }, i) => {
      const ours = fitRuns.get(v)![i]!;
      const numpy = numpyFits[i]!;
      samples.push({
        row: `fit ${n} × ${d}, process${tag}`,
        unit: 's',
        ours: ours.seconds,
        numpy: numpy.seconds,
      });
      samples.push({
        row: `fit ${n} × ${d}, peak RSS${tag}`,
        unit: 'MiB',
        ours: ours.kb / 1024,
        numpy: numpy.kb / 1024,
      });
    });
  }
}
const loadAfter = loadavg()[0]!;
stopLoad();
rmSync(dir, { recursive: true, force: true });

console.log(
  `rmtkit ÷ numpy, ${runs} runs${args.load ? ', under load (bench/load_gemm.py on every core)' : ''}; load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}; RMTKIT_BLAS_SPIN=${process.env.RMTKIT_BLAS_SPIN ?? '(unset)'}`,
);
for (const line of details) console.log(`native addon: ${line}`);
console.log(summarise(samples));
const randomBench = join(root, 'bench/random.ts');
const ourEnv = { ...process.env, ...variants[0] };
if (existsSync(randomBench)) {
  console.log('normals (bench/random.ts):');
  console.log(
    execFileSync(process.execPath, ['--import', 'tsx', randomBench], {
      env: ourEnv,
      encoding: 'utf8',
    }).trimEnd(),
  );
} else {
  console.log(
    'normals: skipped, bench/random.ts (the generator benchmark of issue 23 item 2) is not in this checkout',
  );
}
console.log(`(bench:check took ${((performance.now() - started) / 1000).toFixed(0)} s)`);

function json(command: string, argv: string[], env: NodeJS.ProcessEnv) {
  return JSON.parse(execFileSync(command, argv, { env, encoding: 'utf8', maxBuffer: 1 << 26 }));
}

/** Wall time and peak resident set of a whole process, from GNU time. */
function timed(command: string[], env: NodeJS.ProcessEnv): { seconds: number; kb: number } {
  const report = join(dir, 'time.txt');
  execFileSync('/usr/bin/time', ['-f', '%e %M', '-o', report, ...command], {
    env,
    stdio: 'ignore',
  });
  const [seconds, kb] = readFileSync(report, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
  return { seconds: seconds!, kb: kb! };
}

/**
 * bin/rmtkit.js runs dist/: rebuild it when a source file is newer, so the check times this tree.
 */
function ensureBuild() {
  const entry = join(root, 'dist/cli/main.js');
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestSource(join(root, 'src'))) return;
  console.log('dist/ is older than src/: npm run build first');
  // tsc still writes dist/ when some file has a type error; the check goes on and says so.
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) console.log('(npm run build reported errors; dist/ was written anyway)');
}
