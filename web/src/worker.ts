/**
 * The theory Web Worker: receives `{ file: { name, bytes } }` (a dropped covariance or data
 * file) and `{ id, state }`, answers `{ id, result, ms }` (the error
 * curves), then `{ id, extras }` (BBP and PCA views, slower) unless a newer request is waiting,
 * or `{ id, error }`. Requests that queue up while a computation runs are collapsed to the newest,
 * so a fast slider never builds a backlog.
 */
import { TheoryCache } from './compute.js';
import { FileTable } from './files.js';
import { newestOnly } from './newest-only.js';
import type { ExplorerState } from './state.js';

interface Scope {
  onmessage:
    | ((
        event: MessageEvent<
          { id: number; state: ExplorerState } | { file: { name: string; bytes: Uint8Array } }
        >,
      ) => void)
    | null;
  postMessage(message: unknown): void;
}
const scope = self as unknown as Scope;
const files = new FileTable();
const cache = new TheoryCache(files.loader());
const submit = newestOnly<{ id: number; state: ExplorerState }>((job, superseded) => {
  const start = performance.now();
  try {
    const result = cache.errors(job.state);
    scope.postMessage({ id: job.id, result, ms: performance.now() - start });
    // In a later task, so that a slider move that arrives meanwhile skips the slower views.
    setTimeout(() => {
      if (superseded()) return;
      try {
        scope.postMessage({ id: job.id, extras: cache.extras(job.state, result) });
      } catch (error) {
        scope.postMessage({
          id: job.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }, 0);
  } catch (error) {
    scope.postMessage({
      id: job.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});

scope.onmessage = (event) => {
  if ('file' in event.data) {
    // A dropped file: store it and forget curves of an earlier file with the same name.
    files.add(event.data.file.name, event.data.file.bytes);
    cache.clear();
    return;
  }
  submit(event.data);
};
