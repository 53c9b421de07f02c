import type * as FsModule from 'node:fs';
import type * as ModuleModule from 'node:module';
import type * as UrlModule from 'node:url';
import { type Backend, KERNEL_NAMES } from '../../kernels.js';
import { assertNativeAddon } from './addon.js';
import { createNativeBackend } from './index.js';

// The repository (or installed package) root is four levels above both
// src/linalg/backends/native/ and dist/linalg/backends/native/.
const ADDON_URL = new URL('../../../../build/Release/rmtkit.node', import.meta.url);

// Node's modules are looked up at run time, not imported, so that a browser bundle of rmtkit
// (src/browser.ts) holds no `node:*` import: there getBuiltinModule is missing and the registry
// falls back to the JS backend.
type Builtins = { getBuiltinModule?: (id: string) => unknown };
const proc = (globalThis as { process?: Builtins }).process;
const fs = proc?.getBuiltinModule?.('node:fs') as typeof FsModule | undefined;
const nodeModule = proc?.getBuiltinModule?.('node:module') as typeof ModuleModule | undefined;
const url = proc?.getBuiltinModule?.('node:url') as typeof UrlModule | undefined;

/**
 * Loads the OpenBLAS/LAPACKE addon built by `npm install` (scripts/install-native.mjs) and wraps
 * it as the native backend. Never throws: without the addon, `backend` is undefined and `reason`
 * says why, and rmtkit runs on the pure-JS backend.
 * `addonUrl` exists for tests (a missing or foreign file); callers use the default.
 * @example const { backend, reason } = loadNativeBackend(); if (!backend) console.log(reason);
 */
export function loadNativeBackend(addonUrl: URL = ADDON_URL): {
  backend?: Backend;
  reason: string;
} {
  if (!fs || !nodeModule || !url)
    return {
      reason: 'native addons load only in Node (this runtime has no process.getBuiltinModule)',
    };
  const path = url.fileURLToPath(addonUrl);
  if (!fs.existsSync(path)) {
    return {
      reason: `the addon ${path} was not built (it needs libopenblas-dev and liblapacke-dev; see npm install's output)`,
    };
  }
  try {
    const addon: unknown = nodeModule.createRequire(import.meta.url)(path);
    assertNativeAddon(addon, KERNEL_NAMES);
    return { backend: createNativeBackend(addon), reason: `loaded ${path}` };
  } catch (error) {
    return {
      reason: `the addon ${path} failed to load: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
