import type { DiagnoseOutput } from './compute.js';

/**
 * Saves `content` as a file named `name` (a link to an object URL, clicked; nothing leaves the
 * machine).
 * @example download('layers.csv', csvText, 'text/csv');
 */
export function download(name: string, content: string | Blob, type: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; the URL can go once that task is over.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The CSV download: a first line `# <command>` with the flags it was computed with
 * (diagnoseCommand), then what the CLI prints with them (read it with pandas'
 * `read_csv(f, skiprows=1)`).
 * @example csvFile(output).split('\n')[0] // '# rmtkit diagnose vad.onnx --mp-fit --htmp'
 */
export function csvFile(output: DiagnoseOutput): string {
  return `# ${output.command}\n${output.csv}`;
}

/**
 * The JSON download: `command` and `options` (the diagnoseModel options used), then what
 * `rmtkit diagnose --json` prints with them.
 * @example JSON.parse(jsonFile(output)).options.ww // { fixFingers: 'xmin_peak', fit: 'TPL' }
 */
export function jsonFile(output: DiagnoseOutput): string {
  const { command, options, report } = output;
  return `${JSON.stringify({ command, options, ...report }, null, 1)}\n`;
}
