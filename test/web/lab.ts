// Helpers of the lab views' end-to-end tests: open a view, wait for its drawings, change a control
// and time the redraw.
import type { Page } from 'playwright-core';

/** What a lab page exposes as `window.__lab` (the serialisable part). */
export interface LabProbe<R = any> {
  view: string;
  params: Record<string, string>;
  result: R;
  updates: number;
  latencies: Array<{ compute: number; total: number }>;
  error: string | null;
}

/** The lab page's probe. */
export const labProbe = <R = any>(page: Page) =>
  page.evaluate(() => {
    const { view, params, result, updates, latencies, error } = (window as any).__lab;
    return { view, params, result, updates, latencies, error };
  }) as Promise<LabProbe<R>>;

/** Waits until the lab page has drawn more than `count` updates and returns its probe. */
export async function afterLabUpdate<R = any>(page: Page, count: number): Promise<LabProbe<R>> {
  await page.waitForFunction((n) => ((window as any).__lab?.updates ?? 0) > n, count, {
    timeout: 60_000,
  });
  return labProbe<R>(page);
}

/** Opens `url` in a new page of `from`'s context and waits for the first drawing. */
export async function openLab<R = any>(
  from: Page,
  url: string,
): Promise<{ page: Page; probe: LabProbe<R> }> {
  const page = await from.context().newPage();
  await page.goto(url);
  return { page, probe: await afterLabUpdate<R>(page, 0) };
}

/**
 * Sets a lab control `times` times, alternating between two values (each a control change the
 * view must compute and redraw), waiting for each redraw; returns the page's measured latencies
 * (input event → plots redrawn) of these changes, in milliseconds.
 */
export async function timeChanges(
  page: Page,
  key: string,
  values: readonly [string, string],
  times: number,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const before = (await labProbe(page)).updates;
    const value = values[i % 2]!;
    const field = page.locator(`[name="${key}"]`);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
    const p = await afterLabUpdate(page, before);
    out.push(p.latencies.at(-1)!.total);
  }
  return out;
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}
