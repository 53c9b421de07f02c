// Random number generation benchmark (issue 23): 5·10⁵ standard normals and uniforms from a
// RandomStream (Philox4x32-10 in WebAssembly SIMD, ziggurat normals), and a 1000 × 500
// gaussianMatrix (one child stream per row, as Monte Carlo trials draw their data), against
// numpy's default_rng (bench/random_numpy.py) measured in the same run. Rounds alternate between
// the sides so that load from other processes hits both; each side keeps its best time per round,
// as wall-clock time and as process CPU time (less sensitive to other processes taking the cores
// away). The rows marked "scalar Philox" are the same numbers with the plain-TypeScript Philox
// (RMTKIT_SIMD=0, or no WebAssembly SIMD). Single-threaded on both sides.
// Usage: node --import tsx bench/random.ts [--rounds 5] [--reps 5]
import { execFileSync } from 'node:child_process';
import { setSimdEnabled } from '../src/linalg/backends/js/simd/tile.js';
import { gaussianMatrix } from '../src/random/gaussian.js';
import { randomStream } from '../src/random/stream.js';
import { parseArgs } from './args.js';

const args = parseArgs(process.argv.slice(2));
const arg = (name: string, fallback: number) => Number(args[name] ?? fallback);
const rounds = arg('rounds', 5);
const reps = arg('reps', 5);
const out = new Float64Array(500_000);

interface Time {
  wall: number;
  cpu: number;
}

function best(f: () => unknown): Time {
  const t = { wall: Number.POSITIVE_INFINITY, cpu: Number.POSITIVE_INFINITY };
  for (let r = 0; r < reps; r++) {
    const cpu = process.cpuUsage();
    const wall = performance.now();
    f();
    t.wall = Math.min(t.wall, performance.now() - wall);
    const used = process.cpuUsage(cpu);
    t.cpu = Math.min(t.cpu, (used.user + used.system) / 1000);
  }
  return t;
}

const cases = {
  normal: () => randomStream(1).fill(out, 'normal'),
  uniform: () => randomStream(1).fill(out, 'uniform'),
  matrix: () => gaussianMatrix(1000, 500, 1),
};
type Case = keyof typeof cases;
const names = Object.keys(cases) as Case[];
const label: Record<Case, string> = {
  normal: '5·10⁵ normals',
  uniform: '5·10⁵ uniforms',
  matrix: '1000 × 500 gaussianMatrix',
};
const script = new URL('./random_numpy.py', import.meta.url).pathname;
const rows = names.flatMap((c) => [
  { c, simd: true, name: label[c] },
  { c, simd: false, name: `${label[c]}, scalar Philox` },
]);
// Per row and clock: the per-round ratios and the best times of both sides.
const results = rows.map(() => ({
  wall: [] as number[],
  cpu: [] as number[],
  best: { wall: Infinity, cpu: Infinity },
  numpy: { wall: Infinity, cpu: Infinity },
}));
for (let round = 0; round < rounds; round++) {
  const ours = rows.map(({ c, simd }) => {
    const before = setSimdEnabled(simd);
    try {
      return best(cases[c]);
    } finally {
      setSimdEnabled(before);
    }
  });
  const numpy = JSON.parse(
    execFileSync('python3', [script, String(reps)], { encoding: 'utf8' }),
  ) as Record<Case, Time>;
  rows.forEach(({ c }, i) => {
    const r = results[i]!;
    for (const clock of ['wall', 'cpu'] as const) {
      r[clock].push(ours[i]![clock] / numpy[c][clock]);
      r.best[clock] = Math.min(r.best[clock], ours[i]![clock]);
      r.numpy[clock] = Math.min(r.numpy[clock], numpy[c][clock]);
    }
  });
}
const range = (x: number[]) => `${Math.min(...x).toFixed(2)}–${Math.max(...x).toFixed(2)}`;
console.log(
  `${rounds} rounds, best of ${reps} calls per round; ratios rmtkit / numpy in the same round`,
);
console.log(
  '| case | rmtkit wall ms | numpy wall ms | wall ratios | rmtkit CPU ms | numpy CPU ms | CPU ratios |',
);
console.log('| --- | --: | --: | --: | --: | --: | --: |');
rows.forEach(({ name }, i) => {
  const r = results[i]!;
  const ms = (x: number) => x.toFixed(2);
  console.log(
    `| ${name} | ${ms(r.best.wall)} | ${ms(r.numpy.wall)} | ${range(r.wall)} | ${ms(r.best.cpu)} | ${ms(r.numpy.cpu)} | ${range(r.cpu)} |`,
  );
});
