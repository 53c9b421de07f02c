/**
 * The Monte Carlo Web Worker: runs one {@link SimRequest} and posts `{ progress: [done, total] }`,
 * `{ point }` per α, then `{ done: true }` or `{ error }`. The page cancels by terminating it.
 */
import { simulate, type SimRequest } from './sim.js';

const scope = self as unknown as { onmessage: ((e: MessageEvent<SimRequest>) => void) | null; postMessage(m: unknown): void };

scope.onmessage = (event) => {
  try {
    simulate(event.data, (done, total) => scope.postMessage({ progress: [done, total] }), (point) => scope.postMessage({ point }));
    scope.postMessage({ done: true });
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
