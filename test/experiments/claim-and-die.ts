// Test helper run as a child process: claims trial (params, seed) of experiment key in the store
// at `file` with a lease of ten minutes, then dies by SIGKILL (no release, no close), as a killed
// `rmtkit reproduce` would.
import { ResultStore } from '../../src/experiments/store.js';

const [file, key, params, seed] = process.argv.slice(2);
const store = new ResultStore(file, { leaseMs: 600_000 });
if (store.claims.claim(key, [{ params, seed: Number(seed) }], 0, 1).claimed.length !== 1)
  throw new Error('could not claim');
process.kill(process.pid, 'SIGKILL');
