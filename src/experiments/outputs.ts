import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDirectory } from '../io/make-directory.js';
import { renderFigure } from '../plot/render.js';
import { rowsToCsv } from './rows-csv.js';
import type { ExperimentRun } from './runner.js';
import { zScore } from './stats.js';

/** A rendered figure and where its files are. */
export interface RenderedFigure {
  name: string;
  title: string;
  caption: string;
  svg: string;
  png: Uint8Array;
  files: { svg: string; png: string; csv: string };
}

/**
 * The JSON summary of one experiment run: parameters, trial counts, timings, the agreement
 * (largest |theory − simulation| / standard error) and every check with its z-score.
 * @example experimentSummary(run).agreement.maxZ
 */
export function experimentSummary(run: ExperimentRun, figures: readonly RenderedFigure[] = []) {
  return {
    name: run.name,
    key: run.key,
    title: run.title,
    size: run.size,
    config: run.config,
    points: run.points,
    trials: run.trials,
    seconds: run.seconds,
    backends: run.backends,
    agreement: run.agreement,
    notes: run.analysis.notes,
    figures: figures.map((f) => ({
      name: f.name,
      title: f.title,
      caption: f.caption,
      files: f.files,
    })),
    checks: run.analysis.checks.map((c) => ({ ...c, z: zScore(c) })),
  };
}

/**
 * Writes one experiment's outputs into `dir`: `<figure>.svg`, `<figure>.png` and `<figure>.csv`
 * (the rows behind the figure) for each figure, and `summary.json`. Returns the rendered figures
 * (for the report). File names in the result are relative to `dir`'s parent (the output folder).
 * @throws {Error} from the renderer for an invalid spec, or from the file system.
 * @example await writeExperimentOutputs(run, 'out/error-vs-alpha')
 */
export async function writeExperimentOutputs(
  run: ExperimentRun,
  dir: string,
): Promise<RenderedFigure[]> {
  makeDirectory(dir);
  const figures: RenderedFigure[] = [];
  for (const figure of run.analysis.figures) {
    const { svg, png } = await renderFigure(figure.spec);
    const files = {
      svg: `${run.name}/${figure.name}.svg`,
      png: `${run.name}/${figure.name}.png`,
      csv: `${run.name}/${figure.name}.csv`,
    };
    writeFileSync(join(dir, `${figure.name}.svg`), svg);
    writeFileSync(join(dir, `${figure.name}.png`), png);
    writeFileSync(join(dir, `${figure.name}.csv`), rowsToCsv(figure.rows));
    figures.push({
      name: figure.name,
      title: figure.title,
      caption: figure.caption,
      svg,
      png,
      files,
    });
  }
  writeFileSync(
    join(dir, 'summary.json'),
    JSON.stringify(experimentSummary(run, figures), null, 2) + '\n',
  );
  return figures;
}
