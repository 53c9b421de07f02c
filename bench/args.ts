/**
 * The benchmarks' command line: `--name value` pairs, and `--flag` alone (followed by nothing or
 * by another option) as 'true'. Words that are not options are passed over.
 * @example parseArgs(['--sizes', '500,1000', '--ml-matrix']) // { sizes: '500,1000', 'ml-matrix': 'true' }
 */
export function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) out[a.slice(2)] = 'true';
    else out[a.slice(2)] = argv[++i]!;
  }
  return out;
}
