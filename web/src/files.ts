import { DataFormatError, InvalidArgumentError } from '../../src/errors.js';
import { parseCsv } from '../../src/io/csv-parse.js';
import { parseNpy } from '../../src/io/npy-parse.js';
import { Matrix } from '../../src/linalg/matrix.js';
import type { CovarianceLoader } from '../../src/scenario/covariance-spec.js';

/**
 * Files the user dropped on the page, by name, read the way the CLI reads `--cov` files
 * (src/cli/inputs.ts): `.npy` through `parseNpy`, anything else as CSV/whitespace text through
 * `parseCsv`; every value must be finite.
 * @example const table = new FileTable(); table.add('S.npy', bytes); new TheoryCache(table.loader())
 */
export class FileTable {
  private files = new Map<string, Uint8Array>();

  /** Stores (or replaces) a file's bytes. */
  add(name: string, bytes: Uint8Array): void {
    this.files.set(name, bytes);
  }

  /**
   * The loader `buildCovariance` calls for `diag:`, `dense:`, `toeplitz:` and `data:` models.
   * @throws {InvalidArgumentError} naming 'file' when the page has no file of that name (links do not carry files).
   * @throws {DataFormatError} naming the file and place of a bad value.
   * @example buildCovariance(parseCovarianceSpec('dense:S.npy'), undefined, table.loader())
   */
  loader(): CovarianceLoader {
    const matrix = (name: string): Matrix => {
      const bytes = this.files.get(name);
      if (!bytes) throw new InvalidArgumentError('file', 'must be loaded into this page (links do not carry files); drop it again', name);
      const value = name.toLowerCase().endsWith('.npy') ? parseNpy(bytes, name) : parseCsv(new TextDecoder().decode(bytes), name).matrix;
      const m = value instanceof Matrix ? value : Matrix.fromRowMajor(value.length, 1, value);
      m.data.forEach((v, t) => {
        if (!Number.isFinite(v)) throw new DataFormatError(name, `row ${Math.floor(t / m.cols) + 1} column ${(t % m.cols) + 1}`, `${v} is not a finite number`);
      });
      return m;
    };
    return {
      matrix,
      vector(name: string): Float64Array {
        const m = matrix(name);
        if (m.rows !== 1 && m.cols !== 1) throw new DataFormatError(name, '', `must hold one row or one column of numbers; shape is ${m.rows}×${m.cols}`);
        return m.data;
      },
    };
  }
}
