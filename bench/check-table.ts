// Helpers of bench/check.ts: the summary table and the freshness test of dist/.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One measurement of one row in one run: rmtkit's value and numpy's, same unit. */
export interface Sample {
  row: string;
  unit: 's' | 'MiB';
  ours: number;
  numpy: number;
}

/** Rows in first-seen order: medians of both sides, and the median and range of the ratios. */
export function summarise(samples: Sample[]): string {
  const rows = [...new Set(samples.map((s) => s.row))];
  const width = Math.max(4, ...rows.map((row) => row.length));
  const lines = [
    `${'what'.padEnd(width)} ${'rmtkit'.padStart(10)} ${'numpy'.padStart(10)}   ratio median (range)`,
  ];
  for (const row of rows) {
    const of = samples.filter((s) => s.row === row);
    const unit = of[0]!.unit;
    const ratios = of.map((s) => s.ours / s.numpy);
    const show = (v: number) => (unit === 's' ? `${v.toFixed(3)} s` : `${v.toFixed(0)} MiB`);
    lines.push(
      `${row.padEnd(width)} ${show(median(of.map((s) => s.ours))).padStart(10)} ${show(median(of.map((s) => s.numpy))).padStart(10)}   ${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`,
    );
  }
  return lines.join('\n');
}

/** The newest modification time (ms) of any file under `dir`. */
export function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
