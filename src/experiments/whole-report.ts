import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type experimentSummary, writeExperimentOutputs } from './outputs.js';
import { EXPERIMENTS } from './registry.js';
import type { ReportSection } from './report.js';
import { analyseExperiment, type ExperimentRun, storeKey } from './runner.js';
import type { ResultStore } from './store.js';
import { missingCount } from './sweep.js';
import type { Experiment, Size } from './types.js';

type Summary = ReturnType<typeof experimentSummary>;

/**
 * The report section of an experiment that an earlier command analysed into `dir`
 * (`<out>/<size>/`): its `<experiment>/summary.json` and figure files, when they describe the
 * trials now in the store (same `name@version` key, size and parameters; the caller checks that
 * the store holds every trial). Undefined when anything is missing or differs: the caller then
 * analyses the experiment afresh. The same store gives the same analysis, so a current summary
 * stands for it without the seconds a new analysis and rendering would take.
 * @example savedSection(bbp, 'bbp@1', 'quick', 'rmtkit-out/quick')
 */
export function savedSection(
  experiment: Experiment,
  key: string,
  size: Size,
  dir: string,
): ReportSection | undefined {
  const file = join(dir, experiment.name, 'summary.json');
  if (!existsSync(file)) return undefined;
  let summary: Summary;
  try {
    summary = JSON.parse(readFileSync(file, 'utf8')) as Summary;
  } catch {
    return undefined;
  }
  if (
    summary.key !== key ||
    summary.size !== size ||
    JSON.stringify(summary.config) !== JSON.stringify(experiment.config(size)) ||
    !Array.isArray(summary.checks) ||
    !Array.isArray(summary.figures)
  )
    return undefined;
  const files = summary.figures.flatMap((f) => [f.files.svg, f.files.png].map((p) => join(dir, p)));
  if (!files.every((p) => existsSync(p) && statSync(p).isFile())) return undefined;
  const checks = summary.checks.map(({ z: _z, ...check }) => check);
  const run: ExperimentRun = {
    name: summary.name,
    key,
    title: experiment.title,
    description: experiment.description,
    size,
    config: summary.config,
    points: summary.points,
    trials: summary.trials,
    seconds: summary.seconds,
    backends: summary.backends,
    analysis: { figures: [], checks, notes: summary.notes },
    // As written (JSON holds an infinite z as null; recomputing from the checks would differ).
    agreement: summary.agreement,
  };
  const figures = summary.figures.map((f) => ({
    ...f,
    svg: readFileSync(join(dir, f.files.svg), 'utf8'),
    png: new Uint8Array(readFileSync(join(dir, f.files.png))),
  }));
  return { run, figures, earlier: statSync(file).mtime.toISOString() };
}

/**
 * The report's sections in registry order: those just run, and every other experiment whose
 * trials at `size` are all stored, from its summary in `dir` when that is current, else analysed
 * again (and its outputs rewritten).
 * @example await wholeReport(sections, store, 'quick', 'rmtkit-out/quick')
 */
export async function wholeReport(
  ran: readonly ReportSection[],
  store: ResultStore,
  size: Size,
  dir: string,
): Promise<ReportSection[]> {
  const sections: ReportSection[] = [];
  for (const experiment of EXPERIMENTS) {
    const done = ran.find((s) => s.run.name === experiment.name);
    if (done) {
      sections.push(done);
      continue;
    }
    const key = storeKey(experiment);
    if (store.count(key) === 0 || missingCount(experiment, size, store, key) > 0) continue;
    const saved = savedSection(experiment, key, size, dir);
    if (saved) {
      sections.push(saved);
      continue;
    }
    const run = await analyseExperiment(experiment, size, store, {
      missing: 0,
      computed: 0,
      seconds: 0,
    });
    const figures = await writeExperimentOutputs(run, join(dir, experiment.name));
    sections.push({ run, figures, earlier: 'an earlier command' });
  }
  return sections;
}
