import type { Backend } from '../../../src/linalg/kernels.js';

/**
 * Browser stand-in for src/linalg/backends/native/load.ts (swapped in by vite.config.ts): a page
 * cannot load an N-API addon, so the registry falls back to the pure-JS backend, and the addon
 * file is not bundled.
 * @example loadNativeBackend().reason
 */
export function loadNativeBackend(): { backend?: Backend; reason: string } {
  return { reason: 'native addons cannot load in a browser; the explorer runs on the JS backend' };
}
