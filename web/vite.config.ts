import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const shim = (name: string) => fileURLToPath(new URL(`./src/shims/${name}.ts`, import.meta.url));

// The explorer bundles the library's TypeScript sources. The only Node built-ins they import
// statically are in the native-addon loader (node:fs, node:module, node:url and the addon file
// itself): it is swapped for a shim that reports "unavailable", so src/linalg/backend.ts picks
// the pure-JS backend and no addon is bundled.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: {
    alias: [{ find: /^\.\/backends\/native\/load\.js$/, replacement: shim('native-load') }],
  },
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
});
