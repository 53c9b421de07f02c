import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { DataFormatError, InvalidArgumentError } from '../errors.js';
import { renderFigure, renderSvg, type VegaLiteSpec } from '../plot/render.js';

/** The figure formats a `--plot FILE` flag can name, by extension. */
export type FigureFormat = '.svg' | '.png';

/**
 * The format of a `--plot` file from its extension, checked before any work is done.
 * @throws {InvalidArgumentError} naming `flag` unless the file ends in .svg or .png.
 * @example figureFormat('--plot', 'rho.svg') // '.svg'
 */
export function figureFormat(flag: string, path: string | undefined): FigureFormat | undefined {
  if (path === undefined) return undefined;
  const format = extname(path).toLowerCase();
  if (format !== '.svg' && format !== '.png')
    throw new InvalidArgumentError(flag, 'must name a .svg or .png file', path);
  return format;
}

/**
 * Renders a Vega-Lite spec to `path` as SVG or PNG.
 * @throws {DataFormatError} naming the file when it cannot be written (missing folder, no
 *   permission), with the system's code.
 */
export async function writeFigure(
  path: string,
  format: FigureFormat,
  spec: VegaLiteSpec,
): Promise<void> {
  const bytes = format === '.svg' ? await renderSvg(spec) : (await renderFigure(spec)).png;
  try {
    writeFileSync(path, bytes);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code) throw new DataFormatError(path, '', `cannot be written (${code})`);
    throw error;
  }
}
