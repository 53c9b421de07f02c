import { type VegaLiteSpec, withLaidOutView } from './render.js';

/**
 * What is wrong with a figure's layout, one sentence per problem: a data mark (point, error bar,
 * histogram bar) drawn outside its panel's plotting area, or an axis with fewer than `minTicks`
 * visible tick labels. An empty list means every data mark is inside its frame and every axis is
 * readable. The spec is laid out by a headless Vega view, as {@link renderSvg} does, and the
 * scenegraph is measured; lines are exempt because theory curves are clipped on purpose.
 * @example assert.deepEqual(await figureLayoutProblems(spec), []);
 */
export async function figureLayoutProblems(spec: VegaLiteSpec, minTicks = 3): Promise<string[]> {
  return withLaidOutView(spec, (view) => {
    const problems: string[] = [];
    const root = (view.scenegraph() as unknown as { root: SceneMark }).root;
    visitPanels(root, '', problems, minTicks);
    return problems;
  });
}

/** A mark of Vega's scenegraph (only the fields read here). */
interface SceneMark {
  marktype: string;
  role: string;
  name?: string;
  items: SceneItem[];
}

interface SceneItem {
  x?: number;
  y?: number;
  x2?: number;
  y2?: number;
  width?: number;
  height?: number;
  size?: number;
  text?: string;
  opacity?: number;
  items?: SceneMark[];
}

/** Half a pixel of tolerance: Vega aligns rules and frames on half pixels. */
const SLACK = 0.5;

function visitPanels(mark: SceneMark, path: string, problems: string[], minTicks: number): void {
  for (const group of mark.marktype === 'group' ? mark.items : []) {
    const children = group.items ?? [];
    const isPanel = children.some((c) => c.role === 'mark' && c.marktype !== 'group');
    const where = mark.name ? `${path}${mark.name}` : path;
    if (isPanel) checkPanel(group, where || 'figure', problems, minTicks);
    for (const child of children) visitPanels(child, where ? `${where}/` : '', problems, minTicks);
  }
}

function checkPanel(panel: SceneItem, where: string, problems: string[], minTicks: number) {
  const width = panel.width ?? 0;
  const height = panel.height ?? 0;
  const inside = (v: number | undefined, max: number) =>
    v === undefined || (v >= -SLACK && v <= max + SLACK);
  for (const child of panel.items ?? []) {
    if (child.role === 'axis') {
      for (const axis of child.items) {
        const labelMarks = (axis.items ?? []).filter((m) => m.role === 'axis-label');
        if (labelMarks.length === 0) continue; // a grid-only axis
        const labels = labelMarks
          .flatMap((m) => m.items)
          .filter((t) => t.text !== undefined && t.text !== '' && t.opacity !== 0);
        // A y axis sets its labels left of the frame (negative x), an x axis below or above it.
        const name = labels.every((t) => (t.x ?? 0) < 0) ? 'y' : 'x';
        if (labels.length < minTicks) {
          problems.push(
            `${where}: the ${name} axis labels ${labels.length} tick(s), fewer than ${minTicks}`,
          );
        }
      }
      continue;
    }
    if (child.role !== 'mark' || child.marktype === 'line' || child.marktype === 'group') continue;
    for (const item of child.items) {
      const radius = child.marktype === 'symbol' ? Math.sqrt(item.size ?? 64) / 2 : 0;
      const xs = [
        item.x,
        item.x2,
        item.width === undefined ? undefined : (item.x ?? 0) + item.width,
      ];
      const ys = [
        item.y,
        item.y2,
        item.height === undefined ? undefined : (item.y ?? 0) + item.height,
      ];
      const fits = (v: number | undefined, max: number) =>
        v === undefined || (inside(v - radius, max) && inside(v + radius, max));
      if (!xs.every((v) => fits(v, width)) || !ys.every((v) => fits(v, height))) {
        problems.push(
          `${where}: a ${child.marktype} mark at (${fmt(item.x)}, ${fmt(item.y)}) lies outside the ${fmt(width)} × ${fmt(height)} plotting area`,
        );
      }
    }
  }
}

function fmt(v: number | undefined): string {
  return v === undefined ? '–' : v.toFixed(1);
}
