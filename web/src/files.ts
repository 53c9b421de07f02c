import { byteLoader } from '../../src/scenario/byte-loader.js';
import type { CovarianceLoader } from '../../src/scenario/covariance-spec.js';

/**
 * Files the user dropped on the page, by name, read the way the CLI reads `--cov` files.
 * @example const table = new FileTable(); table.add('S.npy', bytes); new TheoryCache(table.loader())
 */
export class FileTable {
  private files = new Map<string, Uint8Array>();

  /** Stores (or replaces) a file's bytes. */
  add(name: string, bytes: Uint8Array): void {
    this.files.set(name, bytes);
  }

  /** The loader `buildCovariance` calls for `diag:`, `dense:`, `toeplitz:` and `data:` models. */
  loader(): CovarianceLoader {
    return byteLoader((name) => this.files.get(name));
  }
}
