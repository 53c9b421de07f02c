import { closeSync, openSync } from 'node:fs';
import { interval } from '../constraints.js';
import { DataFormatError, InvalidArgumentError } from '../errors.js';
import { kernel } from '../linalg/backend.js';
import { Matrix } from '../linalg/matrix.js';
import { checkBlock, checkVector } from './checks.js';
import type { LinearOperator } from './linear-operator.js';
import { type NpyMatrixFile, openNpyMatrix, readRows } from './npy-file.js';

/** Rows per block of {@link npyRowBlockOperator}: an integer ≥ 1. */
export const npyBlockRows = interval(1, Infinity, '[)', { integer: true });

/** Default block: about 32 MiB of float64 rows. */
const DEFAULT_BLOCK_BYTES = 2 ** 25;

/** Options of {@link npyRowBlockOperator}. */
export interface NpyRowBlockOptions {
  /** Rows read per block (default: as many as fit 32 MiB, at least 1). */
  blockRows?: number;
  /** Promise that the (square) matrix is symmetric, so that Lanczos-based methods accept it. */
  symmetric?: boolean;
}

/**
 * The operator of a rows×cols matrix stored in a float64 C-order `.npy` file, which is never
 * wholly in memory: each product reads the file in blocks of `blockRows` rows with
 * `fs.readSync` and multiplies each block by the active backend's gemm. A·X stacks the blocks'
 * products B_b·X; Aᵀ·Y sums B_bᵀ·Y_b. Memory: one block plus the result. Every block is checked
 * for finite entries as it is read. The file is opened per product, so it must not change while
 * the operator is used.
 * @throws {DataFormatError} naming the file: not a 2-D '<f8' C-order `.npy`, or truncated (the
 *   message gives the expected number of bytes), or a non-finite entry (with row and column).
 * @throws {InvalidArgumentError} naming 'blockRows' unless it is an integer ≥ 1, 'symmetric' when
 *   it is set for a non-square matrix.
 * @throws Node's ENOENT/EACCES errors when the file cannot be opened.
 * @example npyRowBlockOperator('A.npy', { blockRows: 512, symmetric: true }).matvec(v)
 */
export function npyRowBlockOperator(
  path: string,
  options: NpyRowBlockOptions = {},
): LinearOperator {
  const file = openNpyMatrix(path);
  const { rows, cols } = file;
  const blockRows = Math.min(
    npyBlockRows.check(
      'blockRows',
      options.blockRows ?? Math.max(1, Math.floor(DEFAULT_BLOCK_BYTES / (8 * Math.max(cols, 1)))),
    ),
    Math.max(rows, 1),
  );
  const symmetric = options.symmetric ?? false;
  if (symmetric && rows !== cols)
    throw new InvalidArgumentError(
      'symmetric',
      `requires a square matrix; ${path} is ${rows}×${cols}`,
      true,
    );
  const matmat = (x: Matrix) => forward(file, blockRows, checkBlock('x', x, cols));
  const rmatmat = (y: Matrix) => backward(file, blockRows, checkBlock('y', y, rows));
  const column = (v: Float64Array) => Matrix.fromRowMajor(v.length, 1, v);
  return {
    rows,
    cols,
    symmetric,
    matvec: (x) => matmat(column(checkVector('x', x, cols))).data,
    rmatvec: (y) => rmatmat(column(checkVector('y', y, rows))).data,
    matmat,
    rmatmat,
  };
}

/** A·X, block by block: rows [r, r + b) of the result are B_r·X. */
function forward(file: NpyMatrixFile, blockRows: number, x: Matrix): Matrix {
  const out = Matrix.zeros(file.rows, x.cols);
  const gemm = kernel('gemm');
  eachBlock(file, blockRows, (start, block) => {
    out.data.set(gemm(block, x, false, false, 1).data, start * x.cols);
  });
  return out;
}

/** Aᵀ·Y = Σ_r B_rᵀ·Y_r over the row blocks B_r of A. */
function backward(file: NpyMatrixFile, blockRows: number, y: Matrix): Matrix {
  const out = Matrix.zeros(file.cols, y.cols);
  const gemm = kernel('gemm');
  eachBlock(file, blockRows, (start, block) => {
    const k = y.cols;
    const yBlock = Matrix.fromRowMajor(
      block.rows,
      k,
      y.data.subarray(start * k, (start + block.rows) * k),
    );
    const part = gemm(block, yBlock, true, false, 1).data;
    for (let i = 0; i < part.length; i++) out.data[i]! += part[i]!;
  });
  return out;
}

function eachBlock(
  file: NpyMatrixFile,
  blockRows: number,
  visit: (start: number, block: Matrix) => void,
): void {
  if (file.rows === 0 || file.cols === 0) return;
  const buffer = new Float64Array(blockRows * file.cols);
  const fd = openSync(file.path, 'r');
  try {
    for (let start = 0; start < file.rows; start += blockRows) {
      const end = Math.min(file.rows, start + blockRows);
      const data = readRows(fd, file, start, end, buffer);
      checkFinite(file, start, data);
      visit(start, Matrix.fromRowMajor(end - start, file.cols, data));
    }
  } finally {
    closeSync(fd);
  }
}

function checkFinite(file: NpyMatrixFile, start: number, data: Float64Array): void {
  let poison = 0;
  for (let k = 0; k < data.length; k++) poison += data[k]! * 0;
  if (poison === 0) return;
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k]!)) {
      const row = start + Math.floor(k / file.cols);
      throw new DataFormatError(
        file.path,
        `row ${row} column ${k % file.cols}`,
        `non-finite value ${data[k]}`,
      );
    }
  }
}
