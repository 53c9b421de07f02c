/**
 * The Monte Carlo Web Worker: runs one {@link SimRequest} (errors at every α, then the spectrum
 * of Â at the current α) and posts `{ progress: [done, total] }`, `{ point }` per α,
 * `{ histogram }`, then `{ done: true }` or `{ error }`. The page cancels by terminating it.
 */
import { type SimRequest, simulate, simulateSpectrum } from './sim.js';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<SimRequest & { alpha: number }>) => void) | null;
  postMessage(m: unknown): void;
};

scope.onmessage = (event) => {
  const req = event.data;
  const total = (req.alphas.length + 1) * req.trials;
  let done = 0;
  const tick = () => scope.postMessage({ progress: [++done, total] });
  try {
    simulate(req, tick, (point) => scope.postMessage({ point }));
    scope.postMessage({ histogram: simulateSpectrum(req, req.alpha, tick) });
    scope.postMessage({ done: true });
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
