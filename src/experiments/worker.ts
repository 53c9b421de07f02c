/**
 * Worker-thread entry of the trial pool (see `pool.ts`): receives trial requests, runs them with
 * {@link runTrial} and posts the outcome (or the error) back. Requests carry the experiment's
 * name; the worker finds its definition in the registry, so nothing but JSON crosses threads.
 */
import { parentPort } from 'node:worker_threads';
import { randomStream } from '../random/stream.js';
import type { TrialReply, TrialRequest } from './pool.js';
import { findExperiment } from './registry.js';
import { runTrial } from './trial.js';

const port = parentPort;
if (port) {
  port.on('message', (request: TrialRequest) => {
    let reply: TrialReply;
    try {
      // request.params is one of the points this experiment's `points` produced (sent by the
      // runner as JSON); findExperiment's type takes any Params, so it goes to `simulate` as is.
      const outcome = runTrial(findExperiment(request.experiment), request.params, request.seed);
      reply = { id: request.id, outcome };
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      reply = { id: request.id, error: { name: e.name, message: e.message, stack: e.stack ?? '' } };
    }
    port.postMessage(reply);
  });
  // The random kernel compiles its WebAssembly module on first use: done here, before the
  // worker reports ready, so that no trial pays for it (the pool's start-up does, once).
  randomStream(0).fill(new Float64Array(2), 'normal');
  port.postMessage({ ready: true });
}
