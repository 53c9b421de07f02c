import { InvalidArgumentError } from '../errors.js';
import { parseMatrixFile, vectorOf } from '../io/matrix-file.js';
import type { CovarianceLoader } from './covariance-spec.js';

/**
 * The loader of file-based covariance models (`dense:S.npy`, `diag:v.csv`, …) over files held as
 * bytes, such as files dropped into the explorer: each is parsed like a file on disk
 * ({@link parseMatrixFile}).
 * @throws {InvalidArgumentError} naming 'file' when `lookup` has no file of that name.
 * @example buildCovariance(parseCovarianceSpec('dense:S.npy'), undefined, byteLoader((name) => files.get(name)))
 */
export function byteLoader(lookup: (name: string) => Uint8Array | undefined): CovarianceLoader {
  const matrix = (name: string) => {
    const bytes = lookup(name);
    if (!bytes)
      throw new InvalidArgumentError(
        'file',
        'must be loaded into this page (links do not carry files); drop it again',
        name,
      );
    return parseMatrixFile(bytes, name);
  };
  return { matrix, vector: (name) => vectorOf(matrix(name), name) };
}
