import { InvalidArgumentError, NonFiniteError } from '../errors.js';

/** What {@link Matrix.from} accepts. */
export type MatrixLike =
  | Matrix
  | ArrayLike<ArrayLike<number>>
  | { data: ArrayLike<number>; shape: ArrayLike<number> };

/**
 * A dense real matrix: row-major `Float64Array` with explicit `rows` and `cols`
 * (the layout of a C-ordered `.npy` file). Entry (i, j) is `data[i * cols + j]`.
 * Matrices are plain values: kernels never mutate their inputs.
 */
export class Matrix {
  private constructor(
    readonly rows: number,
    readonly cols: number,
    readonly data: Float64Array,
  ) {
    // The constructor is private to TypeScript only: from JavaScript, `new Matrix([[1, 2]])`
    // would otherwise build a broken matrix that fails far from here.
    if (!(data instanceof Float64Array) || !Number.isInteger(rows) || !Number.isInteger(cols))
      throw new InvalidArgumentError(
        'Matrix',
        'is built with Matrix.from(nested arrays | { data, shape }), Matrix.fromRows or Matrix.fromRowMajor, not new Matrix(…)',
        typeof rows === 'object' ? JSON.stringify(rows)?.slice(0, 60) : rows,
      );
  }

  /** [rows, cols], as numpy's `shape`. */
  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  /**
   * A matrix from what JavaScript users hold: nested arrays (rows of numbers), an ndarray-like
   * `{ data, shape: [rows, cols] }` in row-major order (stdlib/scijs ndarrays, tfjs `dataSync()`
   * output with the tensor's shape), or a Matrix (copied). Always copies.
   * @throws {InvalidArgumentError} naming 'input' for anything else, a shape that is not two
   *   dimensions or does not match the data's length, or rows of different lengths.
   * @example Matrix.from([[1, 2], [3, 4]]).shape // [2, 2]
   * @example Matrix.from({ data: new Float32Array([1, 2, 3, 4, 5, 6]), shape: [2, 3] }).get(1, 0) // 4
   */
  static from(input: MatrixLike): Matrix {
    if (input instanceof Matrix) return input.clone();
    if (Array.isArray(input)) {
      if (!input.every((row) => Array.isArray(row) || ArrayBuffer.isView(row)))
        throw new InvalidArgumentError('input', 'must be an array of rows (arrays of numbers)');
      return Matrix.fromRows(input as ArrayLike<ArrayLike<number>>);
    }
    if (input && typeof input === 'object' && 'data' in input && 'shape' in input) {
      const shape = Array.from(input.shape as ArrayLike<number>);
      if (shape.length !== 2)
        throw new InvalidArgumentError('input', 'must have a two-dimensional shape', `[${shape}]`);
      return Matrix.fromRowMajor(shape[0]!, shape[1]!, Float64Array.from(input.data));
    }
    throw new InvalidArgumentError(
      'input',
      'must be nested arrays, { data, shape: [rows, cols] } or a Matrix',
      typeof input,
    );
  }

  /**
   * Wraps row-major data without copying.
   * @throws {InvalidArgumentError} if the length is not rows·cols or a dimension is not a
   * non-negative integer.
   * @example Matrix.fromRowMajor(2, 2, [1, 2, 3, 4]).get(1, 0) // 3
   */
  static fromRowMajor(rows: number, cols: number, data: Float64Array | ArrayLike<number>): Matrix {
    checkDimension('rows', rows);
    checkDimension('cols', cols);
    const array = data instanceof Float64Array ? data : Float64Array.from(data);
    if (array.length !== rows * cols) {
      throw new InvalidArgumentError(
        'data',
        `must have rows·cols = ${rows * cols} entries`,
        array.length,
      );
    }
    return new Matrix(rows, cols, array);
  }

  /** Builds a matrix from an array of equal-length rows (copies). */
  static fromRows(rows: ArrayLike<ArrayLike<number>>): Matrix {
    const r = rows.length;
    const c = r === 0 ? 0 : rows[0]!.length;
    const data = new Float64Array(r * c);
    for (let i = 0; i < r; i++) {
      const row = rows[i]!;
      if (row.length !== c)
        throw new InvalidArgumentError(
          `rows[${i}]`,
          `must have ${c} entries like rows[0]`,
          row.length,
        );
      for (let j = 0; j < c; j++) data[i * c + j] = row[j]!;
    }
    return new Matrix(r, c, data);
  }

  /** The rows×cols zero matrix. */
  static zeros(rows: number, cols: number): Matrix {
    checkDimension('rows', rows);
    checkDimension('cols', cols);
    return new Matrix(rows, cols, new Float64Array(rows * cols));
  }

  /** The n×n identity. */
  static identity(n: number): Matrix {
    const m = Matrix.zeros(n, n);
    for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
    return m;
  }

  /** A square matrix with the given diagonal. */
  static diagonal(values: ArrayLike<number>): Matrix {
    const n = values.length;
    const m = Matrix.zeros(n, n);
    for (let i = 0; i < n; i++) m.data[i * n + i] = values[i]!;
    return m;
  }

  get(i: number, j: number): number {
    return this.data[i * this.cols + j]!;
  }

  /** A deep copy. */
  clone(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice());
  }

  /** The transpose, as a new row-major matrix. */
  transpose(): Matrix {
    const { rows, cols, data } = this;
    const out = new Float64Array(rows * cols);
    const block = 32;
    for (let ib = 0; ib < rows; ib += block) {
      for (let jb = 0; jb < cols; jb += block) {
        const iEnd = Math.min(ib + block, rows);
        const jEnd = Math.min(jb + block, cols);
        for (let i = ib; i < iEnd; i++)
          for (let j = jb; j < jEnd; j++) out[j * rows + i] = data[i * cols + j]!;
      }
    }
    return new Matrix(cols, rows, out);
  }

  /** The main diagonal. */
  diag(): Float64Array {
    const n = Math.min(this.rows, this.cols);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.data[i * this.cols + i]!;
    return out;
  }

  /** Row i as a copy. */
  row(i: number): Float64Array {
    return this.data.slice(i * this.cols, (i + 1) * this.cols);
  }

  /** Column j as a copy. */
  col(j: number): Float64Array {
    const out = new Float64Array(this.rows);
    for (let i = 0; i < this.rows; i++) out[i] = this.data[i * this.cols + j]!;
    return out;
  }

  /**
   * Columns start…end−1 as a new rows×(end − start) matrix (a copy).
   * @throws {InvalidArgumentError} unless 0 ≤ start ≤ end ≤ cols.
   * @example Matrix.identity(3).columns(0, 2) // the first two columns
   */
  columns(start: number, end: number): Matrix {
    if (
      !(
        Number.isInteger(start) &&
        Number.isInteger(end) &&
        0 <= start &&
        start <= end &&
        end <= this.cols
      )
    )
      throw new InvalidArgumentError(
        'columns',
        `must satisfy 0 ≤ start ≤ end ≤ ${this.cols}`,
        `${start}…${end}`,
      );
    const width = end - start;
    const out = new Float64Array(this.rows * width);
    for (let i = 0; i < this.rows; i++)
      out.set(this.data.subarray(i * this.cols + start, i * this.cols + end), i * width);
    return new Matrix(this.rows, width, out);
  }

  /** Rows as plain arrays (for printing and JSON). */
  toArray(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++)
      out.push(Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)));
    return out;
  }
}

function checkDimension(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0)
    throw new InvalidArgumentError(name, 'must be a non-negative integer', value);
}

/**
 * Rejects NaN/±Infinity at the API boundary, naming the first offending entry.
 * @throws {NonFiniteError}
 */
export function assertFinite(name: string, m: Matrix): void {
  const { data, cols } = m;
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k]!))
      throw new NonFiniteError(name, Math.floor(k / cols), k % cols, data[k]!);
  }
}

/** @throws {InvalidArgumentError} unless the matrix is square (and optionally non-empty). */
export function assertSquare(name: string, m: Matrix): void {
  if (m.rows !== m.cols)
    throw new InvalidArgumentError(name, `must be square; shape is ${m.rows}×${m.cols}`);
  if (m.rows === 0) throw new InvalidArgumentError(name, 'must not be empty; shape is 0×0');
}

/**
 * Rejects a matrix that is not symmetric to within a relative tolerance, naming the worst pair.
 * @throws {InvalidArgumentError}
 */
export function assertSymmetric(name: string, m: Matrix, relTol = 1e-10): void {
  assertSquare(name, m);
  if (!scanSymmetric(m, relTol).symmetric) throwAsymmetric(name, m, relTol);
}

/**
 * {@link assertFinite} and {@link assertSymmetric} in one cache-blocked pass over the entry pairs
 * (1.4 ms at d = 1000 against 2.2 ms for the two, bench/linalg-parts.ts; the checks cost a few
 * per cent of a LAPACK eigvalsh). The slow checks run only to name the offending entry.
 * @throws {NonFiniteError | InvalidArgumentError}
 */
export function assertSymmetricFinite(name: string, m: Matrix, relTol = 1e-10): void {
  assertSquare(name, m);
  const scan = scanSymmetric(m, relTol);
  if (!scan.finite) assertFinite(name, m);
  if (!scan.symmetric) throwAsymmetric(name, m, relTol);
}

const SCAN_BLOCK = 32;

/**
 * One pass over the pairs (i, j), (j, i) in SCAN_BLOCK² tiles: finiteness, max |a|, max asymmetry.
 */
function scanSymmetric(m: Matrix, relTol: number): { finite: boolean; symmetric: boolean } {
  const n = m.rows;
  const d = m.data;
  let poison = 0; // stays 0 unless some entry is ±Infinity or NaN (x · 0 is then NaN)
  let scale = 0;
  let worst = 0;
  for (let ib = 0; ib < n; ib += SCAN_BLOCK) {
    const iEnd = Math.min(n, ib + SCAN_BLOCK);
    for (let jb = 0; jb <= ib; jb += SCAN_BLOCK) {
      for (let i = ib; i < iEnd; i++) {
        const jEnd = Math.min(jb + SCAN_BLOCK, i + 1);
        for (let j = jb; j < jEnd; j++) {
          const lower = d[i * n + j]!;
          const upper = d[j * n + i]!;
          poison += lower * 0 + upper * 0;
          scale = Math.max(scale, Math.abs(lower), Math.abs(upper));
          worst = Math.max(worst, Math.abs(lower - upper));
        }
      }
    }
  }
  // Math.max propagates NaN, so a non-finite matrix reports no symmetry verdict of its own.
  const finite = poison === 0;
  return { finite, symmetric: !finite || worst <= relTol * scale };
}

function throwAsymmetric(name: string, m: Matrix, relTol: number): never {
  const n = m.rows;
  const d = m.data;
  let scale = 0;
  for (let k = 0; k < d.length; k++) scale = Math.max(scale, Math.abs(d[k]!));
  const tol = relTol * scale;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Math.abs(d[i * n + j]! - d[j * n + i]!) > tol) {
        throw new InvalidArgumentError(
          name,
          `must be symmetric; entries (${i}, ${j}) and (${j}, ${i}) differ`,
          [d[i * n + j]!, d[j * n + i]!],
        );
      }
    }
  }
  throw new Error('unreachable: throwAsymmetric called on a symmetric matrix');
}
