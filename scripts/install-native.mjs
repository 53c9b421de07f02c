// npm's `install` script: builds the OpenBLAS/LAPACKE addon (build/Release/rmtkit.node) with
// node-gyp when the libraries are present, and prints one line saying what happened. It never
// fails the install: without the addon rmtkit runs on its pure-JS backend.
// Set RMTKIT_SKIP_NATIVE=1 to skip the build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const addon = join(root, 'build', 'Release', 'rmtkit.node');
const log = join(root, 'build', 'native-build.log');
const fallback = 'using the pure-JS backend';
const howTo = 'apt-get install libopenblas-dev liblapacke-dev && npm rebuild rmtkit';

function say(line) {
  console.log(`rmtkit: ${line}`);
}

// Debian/Ubuntu multiarch triple (x86_64-linux-gnu), where the packages put headers and libraries.
function multiarch() {
  const probe = spawnSync('gcc', ['-print-multiarch'], { encoding: 'utf8' });
  const triple = probe.status === 0 ? probe.stdout.trim() : '';
  if (triple) return triple;
  return { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' }[process.arch] ?? '';
}

// The compiler's default search paths, which binding.gyp relies on.
function missingLibraries() {
  const triple = multiarch();
  const includes = [
    '/usr/include',
    '/usr/local/include',
    ...(triple ? [`/usr/include/${triple}`] : []),
  ];
  const libs = [
    '/usr/lib',
    '/usr/local/lib',
    '/usr/lib64',
    ...(triple ? [`/usr/lib/${triple}`, `/lib/${triple}`] : []),
  ];
  const wanted = [
    ['cblas.h', includes],
    ['lapacke.h', includes],
    ['libopenblas.so', libs],
    ['liblapacke.so', libs],
  ];
  return wanted
    .filter(([file, dirs]) => !dirs.some((dir) => existsSync(join(dir, file))))
    .map(([file]) => file);
}

function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

// node-gyp as [executable, ...args]: npm's own (npm_config_node_gyp), the one bundled with npm, or
// PATH.
function findNodeGyp() {
  const fromNpm = process.env.npm_config_node_gyp;
  if (fromNpm && existsSync(fromNpm)) return [process.execPath, fromNpm];
  const npm = onPath('npm');
  const npmDirs = [dirname(process.execPath), ...(npm ? [dirname(npm)] : [])];
  for (const dir of npmDirs) {
    const bundled = join(
      dir,
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    );
    if (existsSync(bundled)) return [process.execPath, bundled];
  }
  const global = onPath('node-gyp');
  return global ? [global] : undefined;
}

// Node's headers: npm passes the project's .npmrc nodedir; otherwise Node's own install prefix
// when it ships them (/usr on Debian), so node-gyp never tries to download them.
function nodeDir() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  const prefix = join(dirname(process.execPath), '..');
  return existsSync(join(prefix, 'include', 'node', 'node_api.h')) ? prefix : undefined;
}

function describeAddon() {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const i = require(${JSON.stringify(addon)}).info(); console.log(i.config + ', ' + i.threads + ' threads')`,
    ],
    {
      encoding: 'utf8',
    },
  );
  return probe.status === 0
    ? { ok: true, text: probe.stdout.trim() }
    : { ok: false, text: lastLine(probe.stderr) };
}

function lastLine(text) {
  const lines = String(text ?? '')
    .trim()
    .split('\n')
    .filter((l) => l.trim() && !/^\s+at /.test(l));
  // The compiler's first error says more than node-gyp's closing 'make failed'.
  return (
    lines.find((l) => /\berror:/.test(l)) ??
    lines.find((l) => /Error/.test(l)) ??
    lines.at(-1) ??
    'no output'
  ).trim();
}

function main() {
  if (process.env.RMTKIT_SKIP_NATIVE)
    return say(`RMTKIT_SKIP_NATIVE is set; native backend not built, ${fallback}.`);
  if (process.platform !== 'linux')
    return say(
      `the native backend builds on Linux only (this is ${process.platform}); ${fallback}.`,
    );
  const missing = missingLibraries();
  if (missing.length > 0) {
    return say(
      `libopenblas-dev/liblapacke-dev not found (missing ${missing.join(', ')}); ${fallback}. ${howTo}`,
    );
  }
  const gyp = findNodeGyp();
  if (!gyp)
    return say(
      `node-gyp not found, native backend not built; ${fallback}. npm install -g node-gyp && npm rebuild rmtkit`,
    );
  const dir = nodeDir();
  const args = [...gyp.slice(1), 'rebuild', ...(dir ? [`--nodedir=${dir}`] : [])];
  const build = spawnSync(gyp[0], args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 15 * 60 * 1000,
  });
  const output = `$ ${gyp[0]} ${args.join(' ')}\n${build.stdout ?? ''}${build.stderr ?? ''}${build.error ? `\n${build.error.message}` : ''}`;
  mkdirSync(dirname(log), { recursive: true });
  writeFileSync(log, output);
  const where = relative(process.cwd(), log) || log;
  if (build.status !== 0) {
    return say(
      `native backend build failed (${lastLine(build.stderr || build.error?.message)}; full log: ${where}); ${fallback}.`,
    );
  }
  const loaded = describeAddon();
  if (!loaded.ok)
    return say(`native backend built but it does not load (${loaded.text}); ${fallback}.`);
  say(`native backend built on ${loaded.text} (${relative(root, addon)}).`);
}

try {
  main();
} catch (error) {
  say(
    `native backend not built (${error instanceof Error ? error.message : String(error)}); ${fallback}.`,
  );
}
process.exitCode = 0;
