/**
 * The lab views' Web Worker: receives `{ id, view, params }`, answers `{ id, result, ms }` or
 * `{ id, error }`. Requests that queue up while one runs are collapsed to the newest, so typing
 * in a field never builds a backlog, and the page stays responsive while a view computes.
 */
import { newestOnly } from '../newest-only.js';
import { LAB_VIEWS } from './registry.js';
import type { LabParams } from './types.js';

interface Request {
  id: number;
  view: string;
  params: LabParams;
}
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown): void;
};
const submit = newestOnly<Request>((request) => {
  const start = performance.now();
  try {
    const view = LAB_VIEWS[request.view];
    if (!view) throw new Error(`unknown view ${request.view}`);
    const result = view.compute(request.params);
    scope.postMessage({ id: request.id, result, ms: performance.now() - start });
  } catch (error) {
    scope.postMessage({
      id: request.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});

scope.onmessage = (event) => submit(event.data);
