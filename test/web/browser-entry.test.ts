import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build, type Metafile } from 'esbuild';
import type { Page } from 'playwright-core';
import { diagnoseModel } from '../../src/diagnostics/model.js';
import { readNpz } from '../../src/io/npz.js';
import { readWeightFile } from '../../src/io/weights/read.js';
import { parseSafetensors } from '../../src/io/weights/safetensors.js';
import { eigvalsh } from '../../src/linalg/api.js';
import { setBackend } from '../../src/linalg/backend.js';
import { Matrix } from '../../src/linalg/matrix.js';
import { randomStream } from '../../src/random/stream.js';
import { marchenkoPastur } from '../../src/rmt/laws/marchenko-pastur.js';
import { serveFolder } from '../../src/server/explorer.js';
import { safetensors } from '../hostile/build.js';
import { fixturePath } from '../io/helpers.js';
import { launchChromium, PACKAGE_ROOT } from './browser.js';

const WEIGHTS = join(PACKAGE_ROOT, 'test/fixtures/diagnostics/weights');

/** Every file under `dir` as [relative path, bytes as numbers] (page.evaluate takes JSON). */
function folder(dir: string): Array<[string, number[]]> {
  const out: Array<[string, number[]]> = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const full = join(d, e);
      if (statSync(full).isDirectory()) walk(full);
      else out.push([relative(dir, full), Array.from(readFileSync(full))]);
    }
  };
  walk(dir);
  return out;
}

/** A two-layer safetensors model (40×30 and 30×50 Gaussian float32), seeded. */
function smallModel(): Uint8Array {
  const shapes = [
    [40, 30],
    [30, 50],
  ] as const;
  const stream = randomStream(7).child('browser-entry');
  const parts = shapes.map(([r, c]) => {
    const v = new Float64Array(r * c);
    stream.fill(v, 'normal');
    return Float32Array.from(v);
  });
  const header: Record<string, unknown> = {};
  let at = 0;
  shapes.forEach((shape, k) => {
    header[`layer${k}.weight`] = {
      dtype: 'F32',
      shape,
      data_offsets: [at, at + parts[k]!.byteLength],
    };
    at += parts[k]!.byteLength;
  });
  const data = new Uint8Array(at);
  let k = 0;
  for (const p of parts) {
    data.set(new Uint8Array(p.buffer), k);
    k += p.byteLength;
  }
  return safetensors(header, data);
}

const MATRIX = [
  [4, 1, 0.5],
  [1, 3, -0.25],
  [0.5, -0.25, 2],
];

describe('the browser entry (src/browser.ts, the package’s "browser" export)', () => {
  let bundle: string;
  let metafile: Metafile;
  let dir: string;
  let page: Page;
  let close: () => Promise<void>;
  before(async () => {
    const result = await build({
      entryPoints: [join(PACKAGE_ROOT, 'src/browser.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    bundle = result.outputFiles[0]!.text;
    metafile = result.metafile;
    dir = mkdtempSync(join(tmpdir(), 'rmtkit-browser-entry-'));
    writeFileSync(join(dir, 'rmtkit.js'), bundle);
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>rmtkit</title></head><body></body></html>',
    );
    const server = await serveFolder(dir, { port: 0 });
    const browser = await launchChromium();
    page = await browser.context.newPage();
    await page.goto(server.url);
    close = async () => {
      await browser.close();
      await server.close();
    };
  });
  after(async () => {
    await close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('bundles for platform=browser with no node: import and nothing from node_modules', () => {
    const imports = Object.values(metafile.inputs).flatMap((i) => i.imports);
    assert.deepEqual(
      imports.filter((i) => i.path.startsWith('node:') || i.external),
      [],
    );
    assert.deepEqual(
      Object.keys(metafile.inputs).filter((p) => p.includes('node_modules')),
      [],
    );
    assert.doesNotMatch(bundle, /\bfrom\s*["']node:|\bimport\s*\(\s*["']node:/);
  });

  it('runs in Chromium on the JS backend with the results Node computes: eigenvalues, a law, an .npz, a folder of weights, a model diagnosis', async () => {
    const model = Array.from(smallModel());
    const page_ = await page.evaluate(
      async ({ matrix, model, npz, files }) => {
        // A computed specifier: the bundle exists only in the served folder.
        const entry = './rmtkit.js';
        const m = await import(entry);
        const weights = await m.io.readWeightBytes(
          new Map(files.map(([p, b]: [string, number[]]) => [p, Uint8Array.from(b)])),
        );
        const parsed = m.io.parseSafetensors(Uint8Array.from(model), 'small.safetensors');
        const result = await m.diagnostics.diagnoseModel([parsed], { mpFit: true, htmp: true });
        const arrays = await m.io.parseNpzAsync(Uint8Array.from(npz), 'deflated.npz');
        return {
          backend: m.linalg.backend(),
          evals: Array.from(m.linalg.eigvalsh(m.Matrix.fromRows(matrix))),
          density: m.rmt.marchenkoPastur(0.5, 2).density(1.3),
          npz: [...arrays].map(([k, a]: [string, { shape: number[]; data: Float64Array }]) => [
            k,
            a.shape,
            Array.from(a.data),
          ]),
          weights: weights.files.map(
            (f: { file: string; tensors: Array<{ name: string; data: Float64Array }> }) => [
              f.file,
              f.tensors.map((t) => [t.name, Array.from(t.data)]),
            ],
          ),
          layers: result.layers.map((l: Record<string, unknown>) =>
            ['alpha', 'D', 'xmin', 'stable_rank', 'entropy', 'sigma_mp', 'kappa'].map((c) => l[c]),
          ),
        };
      },
      {
        matrix: MATRIX,
        model,
        npz: Array.from(readFileSync(fixturePath('deflated.npz'))),
        files: folder(WEIGHTS),
      },
    );
    assert.equal(page_.backend, 'js');
    // Node on the same (JS) backend: the same code and IEEE arithmetic give the same numbers.
    const previous = setBackend('js');
    try {
      assert.deepEqual(page_.evals, Array.from(eigvalsh(Matrix.fromRows(MATRIX))));
      await compareNode(page_, model);
    } finally {
      setBackend(previous);
    }
  });
});

/** The page's law, .npz, weights and diagnosis against Node's (on the active backend). */
async function compareNode(
  page_: { density: number; npz: unknown; weights: unknown; layers: number[][] },
  model: number[],
): Promise<void> {
  assert.equal(page_.density, marchenkoPastur(0.5, 2).density(1.3));
  assert.deepEqual(
    page_.npz,
    [...readNpz(fixturePath('deflated.npz'))].map(([k, a]) => [k, a.shape, Array.from(a.data)]),
  );
  assert.deepEqual(
    page_.weights,
    ['model.safetensors', 'tfjs/model.json', 'tiny.onnx'].map((f) => [
      f,
      readWeightFile(join(WEIGHTS, f)).tensors.map((t) => [t.name, Array.from(t.data)]),
    ]),
  );
  const node = await diagnoseModel(
    [parseSafetensors(Uint8Array.from(model), 'small.safetensors')],
    {
      mpFit: true,
      htmp: true,
    },
  );
  const want = node.layers.map((l) =>
    ['alpha', 'D', 'xmin', 'stable_rank', 'entropy', 'sigma_mp', 'kappa'].map(
      (c) => l[c as keyof typeof l],
    ),
  );
  // Transcendental functions may differ by an ulp between V8 builds: 1e-12 relative.
  assert.equal(page_.layers.length, want.length);
  page_.layers.forEach((row: number[], k: number) =>
    row.forEach((v, j) => {
      const w = want[k]![j] as number;
      assert.ok(Math.abs(v - w) <= 1e-12 * Math.abs(w), `layer ${k} column ${j}: ${v} vs ${w}`);
    }),
  );
}
