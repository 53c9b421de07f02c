import type { Command } from 'commander';
import {
  availableBackends,
  backendDetails,
  nativeUnavailableReason,
} from '../../linalg/backend.js';
import { simdAvailable } from '../../linalg/backends/js/simd/tile.js';

/** `rmtkit info`: which linear-algebra backend runs, and why native is missing if it is. */
export function registerInfo(program: Command): void {
  program
    .command('info')
    .description('show the active linear-algebra backend and the native library details')
    .option('--json', 'machine-readable output')
    .action((options: { json?: boolean }) => {
      const facts = {
        ...backendDetails(),
        available: availableBackends(),
        jsSimd: simdAvailable(),
        nativeUnavailable: nativeUnavailableReason() ?? null,
        node: process.version,
      };
      if (options.json) {
        console.log(JSON.stringify(facts));
        return;
      }
      for (const [key, value] of Object.entries(facts))
        if (value !== null)
          console.log(`${key.padEnd(18)} ${Array.isArray(value) ? value.join(', ') : value}`);
    });
}
