import { escapeHtml as esc, htmlPage } from '../html.js';
import type { Environment } from './environment.js';
import type { RenderedFigure } from './outputs.js';
import type { ExperimentRun } from './runner.js';
import { Z_LIMIT, zScore } from './stats.js';

/** Everything the report shows about one experiment. */
export interface ReportSection {
  run: ExperimentRun;
  figures: RenderedFigure[];
  /**
   * For an experiment the command did not ask for, shown because its trials are all stored: when
   * its summary was written (or that it was analysed again from the store).
   */
  earlier?: string;
}

/**
 * One self-contained HTML page: the agreement table, then for every experiment its description,
 * parameters, figures (SVG embedded as data URIs, so the figures' internal ids cannot collide,
 * with the PNG as a data-URI download) and its checks; then software versions, backend and
 * timings. No external file, script or font is referenced.
 * @example writeFileSync('out/report.html', reportHtml(sections, environment(2), { command: 'rmtkit reproduce --quick', seconds: 95 }))
 */
export function reportHtml(
  sections: readonly ReportSection[],
  env: Environment,
  meta: { command: string; seconds: number; finished?: string },
): string {
  const finished = meta.finished ?? new Date().toISOString();
  const body = [
    `<h1>rmtkit reproduce</h1>`,
    `<p class="meta"><code>${esc(meta.command)}</code> · finished ${esc(finished)} · ${meta.seconds.toFixed(1)} s wall time · backend <b>${esc(String(env.backend.backend))}</b> · ${env.workers} worker thread${env.workers === 1 ? '' : 's'} on ${env.cores} cores</p>`,
    `<h2 id="agreement">Agreement of theory and simulation</h2>`,
    `<p>For every grid point the simulated mean is compared with the theory; <i>max rel.</i> is the largest |theory − simulation| / |theory|. Comparisons outside what the theory claims are reported separately: real-data forecasts (Gaussian theory from the plug-in covariance of data that are not Gaussian) and points in the critical window of a transition.</p>`,
    agreementTable(sections),
    `<p class="legend"><b>Why a large <i>max z</i> can still agree.</b> <i>max z</i> is the largest |theory − simulation| / standard error, counting Monte Carlo error only. The deterministic equivalent is exact only as n, d → ∞: at finite size it is off by a term of order 1/n (stated per experiment) that does not average out over trials, so with many trials z grows without bound even where theory and simulation agree to a fraction of a percent. The verdict <i>agrees</i> therefore asks |theory − simulation| ≤ ${Z_LIMIT} standard errors + that finite-size term at every claimed check: the column <i>max z beyond finite-size term</i> must stay ≤ ${Z_LIMIT}.</p>`,
    ...sections.map(section),
    `<h2 id="environment">Software and machine</h2>`,
    table(
      ['', ''],
      [
        ['rmtkit', env.rmtkit],
        ['Node.js', env.node],
        ['platform', env.platform],
        ['CPU', `${env.cpu} (${env.cores} cores)`],
        ['worker threads', String(env.workers)],
        ...Object.entries(env.backend).map(([k, v]) => [k, String(v)]),
        ...Object.entries(env.packages).map(([k, v]) => [k, v]),
        ['SQLite', env.sqlite],
      ],
    ),
  ].join('\n');
  return htmlPage('rmtkit reproduce report', STYLE, body);
}

function agreementTable(sections: readonly ReportSection[]): string {
  const rows = sections.map((section) => {
    const { run } = section;
    const a = run.agreement;
    const worst = a.worst ? `${a.worst.quantity} at ${a.worst.at}` : '—';
    const forecast =
      a.unclaimedMaxZ === null
        ? '—'
        : `${a.unclaimed} checks, max z ${fmt(a.unclaimedMaxZ)}, max rel. ${pct(a.unclaimedMaxRelative!)}`;
    const verdict = a.agrees ? 'yes' : '<b>no</b>';
    return [
      `<a href="#${run.name}">${esc(run.name)}</a>`,
      String(a.claimed),
      fmt(a.maxZ),
      esc(worst),
      fmt(a.maxZBeyondFiniteSize),
      pct(a.maxRelative),
      verdict,
      forecast,
      `${run.trials.total} (${section.earlier ? 'earlier command' : `${run.trials.computed} new`})`,
      `${run.seconds.sweep.toFixed(1)} + ${run.seconds.analysis.toFixed(1)}`,
    ];
  });
  return table(
    [
      'experiment',
      'checks',
      'max z (Monte Carlo only, see below)',
      'worst point',
      'max z beyond finite-size term',
      'max rel.',
      `agrees (≤ ${Z_LIMIT} s.e. + finite-size term)`,
      'reported, not claimed',
      'trials',
      'sweep + analysis s',
    ],
    rows,
    true,
    'cards',
  );
}

function section({ run, figures, earlier }: ReportSection): string {
  const figs = figures.map(
    (
      f,
    ) => `<figure><img alt="${esc(f.title)}" src="data:image/svg+xml;base64,${Buffer.from(f.svg).toString('base64')}">
<figcaption><b>${esc(f.title)}.</b> ${esc(f.caption)} <a download="${esc(f.name)}.png" href="data:image/png;base64,${Buffer.from(f.png).toString('base64')}">PNG</a> · files <code>${esc(f.files.svg)}</code>, <code>${esc(f.files.csv)}</code></figcaption></figure>`,
  );
  const checks = run.analysis.checks.map((c) => [
    esc(c.quantity),
    esc(c.at),
    fmt(c.theory),
    fmt(c.simulation),
    fmt(c.stderr),
    String(c.trials),
    fmt(zScore(c)),
    fmt(c.finiteSize),
    fmt(zScore(c, true)),
    c.claim ? '' : 'not claimed',
  ]);
  const perTrial = run.trials.total ? run.seconds.trialsCpu / run.trials.total : 0;
  return `<h2 id="${esc(run.name)}">${esc(run.title)} <small>${esc(run.name)}, ${esc(run.size)}</small></h2>
<p>${esc(run.description)}</p>
${earlier ? `<p class="meta">Not asked for by this command; shown because its trials are all in the store (${esc(earlier)}).</p>\n` : ''}${figs.join('\n')}
${run.analysis.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('\n')}
<p class="meta">${run.points} grid points, ${run.trials.total} trials (${run.trials.reused} from the store, ${run.trials.computed} computed now), ${perTrial.toFixed(3)} s per trial on a worker, backend ${esc(run.backends.join(', ') || '—')}; sweep ${run.seconds.sweep.toFixed(1)} s, theory and figures ${run.seconds.analysis.toFixed(1)} s.</p>
<details><summary>Parameters</summary><pre>${esc(JSON.stringify(run.config, null, 1))}</pre></details>
<details><summary>All ${run.analysis.checks.length} checks</summary>${table(['quantity', 'at', 'theory', 'simulation', 'std. error', 'trials', 'z', 'finite-size term', 'z beyond it', ''], checks, true)}</details>`;
}

/**
 * An HTML table inside a horizontally scrolling box, so that a wide one never widens the page;
 * `cards` lays each row out as a labelled list at phone width instead.
 */
function table(
  head: string[],
  rows: string[][],
  raw = false,
  layout: 'scroll' | 'cards' = 'scroll',
): string {
  const cell = (v: string, i: number) =>
    `<td data-label="${esc(head[i] ?? '')}">${raw ? v : esc(v)}</td>`;
  return `<div class="table ${layout}"><table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</tbody></table></div>`;
}

function fmt(v: number): string {
  return Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : String(v);
}

function pct(v: number): string {
  return `${(100 * v).toFixed(2)} %`;
}

// At phone width (≤ 640 px) the agreement table becomes one labelled block per experiment and the
// other tables scroll inside their box; long code and names wrap instead of widening the page.
const STYLE = `body{font-family:system-ui,'DejaVu Sans',sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45;overflow-wrap:anywhere}
.table{max-width:100%;overflow-x:auto}.legend{font-size:.9em;color:#444}
@media (max-width:640px){body{margin:1em auto}.cards table,.cards tbody,.cards tr,.cards td{display:block}.cards thead{display:none}.cards tr{border:1px solid #ddd;margin:.6em 0}.cards td{border:0;border-bottom:1px solid #eee}.cards td::before{content:attr(data-label) ": ";font-weight:bold;color:#555}}
h1{margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ddd}h2 small{font-weight:normal;color:#777;font-size:.6em}
table{border-collapse:collapse;margin:.6em 0;font-size:.9em}td,th{border:1px solid #ddd;padding:.25em .5em;text-align:left}th{background:#f4f4f4}
figure{margin:1em 0}figure img{max-width:100%;height:auto}figcaption{font-size:.9em;color:#444}.meta{color:#666;font-size:.9em}.note{background:#f7f7f0;padding:.4em .6em}
pre{background:#f7f7f7;padding:.6em;overflow:auto;font-size:.85em}details{margin:.5em 0}`;
