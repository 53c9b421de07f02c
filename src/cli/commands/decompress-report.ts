import { type CurveRow, curvesSpec } from '../../plot/curves.js';
import { type FigureFormat, writeFigure } from '../figure-file.js';

/** Prints the summary of `rmtkit decompress` (its report object without --json). */
export function print(
  r: Record<string, unknown> & { moments: number[]; expectedMoments: number[] },
) {
  const g = (v: unknown) => (typeof v === 'number' ? v.toPrecision(6) : String(v));
  const s = r.support as number[];
  const s0 = r.sampleSupport as number[];
  console.log(`free decompression n_s = ${r.sampleSize} → N = ${r.size} (degree ${r.degree})`);
  console.log(`  fitted support [${g(s0[0])}, ${g(s0[1])}], glue residual ${g(r.glueResidual)}`);
  console.log(`  decompressed support [${g(s[0])}, ${g(s[1])}], missing mass ${g(r.missingMass)}`);
  console.log(
    `  moments ${g(r.moments[0])}, ${g(r.moments[1])} (expected ${g(r.expectedMoments[0])}, ${g(r.expectedMoments[1])})`,
  );
  console.log(
    `  log det ${g(r.logdet)}, tr A⁻¹ ${g(r.traceInverse)}, condition ${g(r.condition)}; ${g(r.seconds)} s`,
  );
}

/** Draws the decompressed density to an SVG or PNG file. */
export async function writePlot(
  path: string,
  format: FigureFormat,
  grid: Float64Array,
  density: Float64Array,
  from: number,
  to: number,
): Promise<void> {
  const rows: CurveRow[] = Array.from(grid, (x, i) => ({
    kind: 'theory' as const,
    series: `decompressed to ${to}`,
    x,
    y: density[i]!,
    lo: null,
    hi: null,
  }));
  const spec = curvesSpec(rows, {
    title: `Free decompression ${from} → ${to}`,
    xTitle: 'eigenvalue x',
    yTitle: 'density',
    seriesTitle: 'density',
    width: 480,
    height: 280,
  });
  await writeFigure(path, format, spec);
}
