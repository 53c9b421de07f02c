import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeNpy } from '../../src/io/npy.js';
import { gaussianMatrix } from '../../src/random/gaussian.js';
import { runCli as run } from '../cli/run-cli.js';

describe('rmtkit diagnose --report', () => {
  it('writes one self-contained HTML page: every layer in the table and its section, an ESD and an MP plot per layer, no external URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rmtkit-report-'));
    const names = ['fc1', 'fc2', 'proj<&>'];
    names.forEach((name, k) =>
      writeNpy(join(dir, `${name}.npy`), gaussianMatrix(80 + 20 * k, 40, k + 1)),
    );
    const out = join(dir, 'out.html');
    const { code, out: text } = await run('diagnose', dir, '--mp-fit', '--report', out);
    assert.equal(code, 0);
    assert.match(text, /report written to/);
    assert.ok(existsSync(out));
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    for (const [k, name] of ['fc1', 'fc2', 'proj&lt;&amp;&gt;'].entries()) {
      assert.ok(html.includes(`<a href="#layer-${k + 1}">${name}</a>`), `${name} in the table`);
      assert.ok(html.includes(`<section id="layer-${k + 1}"><h3>${k + 1}. ${name} `), name);
    }
    assert.ok(!html.includes('proj<&>'), 'names are escaped');
    const images = [
      ...html.matchAll(/<img alt="[^"]*" src="data:image\/svg\+xml;base64,([^"]+)">/g),
    ];
    assert.equal(images.length, 2 * names.length);
    for (const [, b64] of images) {
      const svg = Buffer.from(b64!, 'base64').toString('utf8');
      assert.match(svg, /^<svg[^>]*>/);
      assert.match(svg, /<path/);
      assert.doesNotMatch(svg, /(href|src)="(https?:)?\/\//);
    }
    assert.doesNotMatch(html, /https?:\/\//);
    assert.doesNotMatch(html, /<script|<link|@import|url\(/);
  });

  it('refuses a report path that is not an .html file and an unknown --spectrum, naming the flag (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rmtkit-report-'));
    writeNpy(join(dir, 'fc.npy'), gaussianMatrix(60, 30, 1));
    const { code, err } = await run('diagnose', dir, '--report', join(dir, 'out.txt'));
    assert.equal(code, 2);
    assert.match(err, /--report.*\.html/);
    assert.ok(!existsSync(join(dir, 'out.txt')));
    const bad = await run('diagnose', dir, '--spectrum', 'qr');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--spectrum.*auto, svd, gram, gram-single.*qr/);
  });
});
