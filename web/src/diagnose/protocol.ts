import type { DiagnoseOutput } from './compute.js';
import type { DiagnoseSettings } from './settings.js';

/**
 * What the page sends the diagnostics worker: the chosen files, each as a `File`/`Blob` (a handle:
 * the worker reads the bytes, so the page never holds them) or an `ArrayBuffer` that the page
 * transfers (moved, not copied), with its `/`-separated path relative to the chosen folder.
 */
export interface DiagnoseRequest {
  files: Array<{ path: string; data: Blob | ArrayBuffer }>;
  settings: DiagnoseSettings;
  /** Width of the ESD plots in px (the worker compiles them for it). */
  plotWidth: number;
}

/** What the worker answers: progress while it reads and diagnoses, then the result or an error. */
export type DiagnoseReply =
  | { type: 'progress'; stage: 'reading' | 'diagnosing'; done: number; total: number }
  | { type: 'done'; output: DiagnoseOutput }
  | { type: 'error'; message: string };
