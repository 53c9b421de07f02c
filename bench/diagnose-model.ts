// Multi-layer benchmark (issue 18: "a 24-layer 1024 × 1024 model diagnosed ≥ 3× faster than the
// reference Python script on the same run"): L heavy-tailed N×M layers (bench/diagnose-large.ts's
// entries g·u^(−1/3), one seed per layer) through diagnoseModel with the MP fit and randomisation
// (rmtkit's and WeightWatcher's columns, phases), with the next layers' decompositions overlapping
// this one's analysis (default; as many layers at once as asyncLanes(): one per core while
// OpenBLAS is fixed at one thread) and without, against bench/ww_reference.py (WeightWatcher
// 0.7.5's columns line by line, numpy/scipy; mp_fit and randomize) on the same layers in the same
// run. Wall and process CPU seconds; the overlapped and serial results are checked bit-identical.
// Usage: node --import tsx bench/diagnose.ts --model 24x1024x1024 [--plain] (--plain: without
// the MP fit + randomisation run, whose reference takes minutes)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { diagnoseModel, type ModelOptions } from '../src/diagnostics/model.js';
import { writeNpy } from '../src/io/npy.js';
import type { WeightFile } from '../src/io/weights/tensor.js';
import { asyncLanes, backend } from '../src/linalg/backend.js';
import { heavyTailedMatrix } from './diagnose-large.js';

export async function benchModel(
  layers: number,
  rows: number,
  cols: number,
  plainOnly = false,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rmtkit-model-'));
  const file: WeightFile = { file: 'model.npz', format: 'npz', skipped: [], tensors: [] };
  for (let k = 0; k < layers; k++) {
    const w = heavyTailedMatrix(rows, cols, 3, 100 + k);
    writeNpy(join(dir, `${String(k).padStart(3, '0')}.npy`), w);
    const name = `layers.${k}.weight`;
    file.tensors.push({
      name,
      shape: [rows, cols],
      data: w.data,
      dtype: 'float64',
      floating: true,
    });
  }
  const script = new URL('./ww_reference.py', import.meta.url).pathname;
  const threads = process.env.OPENBLAS_NUM_THREADS ?? 'default';
  console.log(
    `${layers} heavy-tailed ${rows}×${cols} layers; rmtkit ${backend()} backend, OPENBLAS_NUM_THREADS=${threads}`,
  );
  console.log(
    'run                                              wall s    CPU s  ×ref wall  ×ref CPU',
  );
  for (const plain of plainOnly ? [true] : [true, false]) {
    const options: ModelOptions = plain ? {} : { mpFit: true, randomize: true, seed: 0 };
    let lanes = 0; // asyncLanes() while the model is diagnosed (diagnoseModel may change it)
    const run = async (overlap: boolean) => {
      const c = process.cpuUsage();
      const start = performance.now();
      const onLayer = () => {
        if (overlap) lanes = asyncLanes();
      };
      const result = await diagnoseModel([file], { ...options, overlap, onLayer });
      const used = process.cpuUsage(c);
      return {
        result,
        wall: (performance.now() - start) / 1000,
        cpu: (used.user + used.system) / 1e6,
      };
    };
    await diagnoseModel([{ ...file, tensors: file.tensors.slice(0, 1) }], options); // warm-up
    const overlapped = await run(true);
    const serial = await run(false);
    const args = [script, '--time', dir, ...(plain ? ['--plain'] : [])];
    const ref = JSON.parse(execFileSync('python3', args, { encoding: 'utf8' }));
    const line = (what: string, t: { wall: number; cpu: number }) =>
      console.log(
        `${what.padEnd(46)}${t.wall.toFixed(2).padStart(9)}${t.cpu.toFixed(2).padStart(9)}${(ref.seconds / t.wall).toFixed(2).padStart(11)}${(ref.cpuSeconds / t.cpu).toFixed(2).padStart(10)}`,
      );
    const methods = [...new Set(overlapped.result.layers.map((l) => l.esd_method))].join(', ');
    console.log(plain ? '-- no options (α, norms, ranks, detX)' : '-- MP fit + randomisation');
    line('bench/ww_reference.py (numpy/scipy)', { wall: ref.seconds, cpu: ref.cpuSeconds });
    line(`rmtkit diagnoseModel, overlapped (${methods}, ${lanes} lanes)`, overlapped);
    line('rmtkit diagnoseModel, one layer at a time', serial);
    const dAlpha = Math.max(
      ...overlapped.result.layers.map((l, k) => Math.abs(l.ww.alpha - ref.alpha[k])),
    );
    console.log(
      `  overlapped and serial results bit-identical: ${isDeepStrictEqual(overlapped.result, serial.result)}; max |Δα| (ww column) vs reference ${dAlpha.toExponential(1)}`,
    );
  }
  rmSync(dir, { recursive: true });
}
