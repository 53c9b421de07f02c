/**
 * The weight-diagnostics Web Worker: receives one {@link DiagnoseRequest}, reads the files' bytes
 * here (off the page's thread), runs diagnoseFiles and posts progress, then the result. The page
 * cancels by terminating the worker, so no cancellation check is needed between layers.
 */
import { diagnoseFiles } from './compute.js';
import type { DiagnoseReply, DiagnoseRequest } from './protocol.js';

interface Scope {
  onmessage: ((event: MessageEvent<DiagnoseRequest>) => void) | null;
  postMessage(message: DiagnoseReply): void;
}
const scope = self as unknown as Scope;

scope.onmessage = async (event) => {
  const { files, settings, plotWidth } = event.data;
  try {
    const bytes = new Map<string, Uint8Array>();
    for (const [k, f] of files.entries()) {
      scope.postMessage({ type: 'progress', stage: 'reading', done: k, total: files.length });
      const buffer = f.data instanceof ArrayBuffer ? f.data : await f.data.arrayBuffer();
      bytes.set(f.path, new Uint8Array(buffer));
    }
    // The first layer may take a while: say that reading is over before it ends.
    scope.postMessage({ type: 'progress', stage: 'diagnosing', done: 0, total: 0 });
    const output = await diagnoseFiles(
      bytes,
      settings,
      (done, total) => scope.postMessage({ type: 'progress', stage: 'diagnosing', done, total }),
      plotWidth,
    );
    scope.postMessage({ type: 'done', output });
  } catch (error) {
    scope.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
