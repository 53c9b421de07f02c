import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DataFormatError,
  InvalidArgumentError,
  NonFiniteError,
  NotPositiveDefiniteError,
} from '../errors.js';
import { cholesky, matmul, triangularSolve } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import { type NpyMatrixFile, openNpyMatrix } from '../operators/npy-file.js';
import {
  type MemdetInput,
  type MemdetProgress,
  readProgress,
  readTile,
  removeTiles,
  writeProgress,
  writeTile,
} from './memdet-scratch.js';

/** Tiles of b×b doubles alive at once: C, two factor tiles, L_jj, a product and a solve. */
export const MEMDET_WORKING_TILES = 6;
/** The smallest tile side worth streaming. */
export const MEMDET_MIN_TILE = 64;

/** Reported after each completed block column, once its tiles and the progress file are on disk. */
export interface MemdetStep {
  /** Block columns done, 1 … steps. */
  step: number;
  steps: number;
  blockSize: number;
  /** 2 Σ ln L_ii over the block columns done so far. */
  partialLogAbsDet: number;
}

export interface MemdetOptions {
  /** Bytes the working tiles may take; the block size is the largest that fits. */
  maxMemory: number;
  /** A folder for the factor's tiles and `progress.json`; created when missing. */
  scratch: string;
  /** Called after each block column is durably stored; an exception it throws stops the run. */
  onProgress?: (step: MemdetStep) => void;
}

export interface MemdetResult {
  logAbsDet: number;
  sign: 1;
  /** Block rows (= block columns) of the tiling. */
  blocks: number;
  blockSize: number;
  /** Whether completed block columns were taken from an earlier run's scratch folder. */
  resumed: boolean;
}

/**
 * The log-determinant of a symmetric positive definite matrix stored in a float64 C-order `.npy`
 * file larger than memory, by a left-looking blocked Cholesky factorisation A = LLᵀ out of core:
 * ln det A = 2 Σ ln L_ii. The matrix is cut into b×b tiles with b the largest side for which
 * {@link MEMDET_WORKING_TILES} tiles fit in `maxMemory`. Block column j of L is
 * L_jj = chol(A_jj − Σ_{k<j} L_jk L_jkᵀ) and L_ij = (A_ij − Σ_{k<j} L_ik L_jkᵀ) L_jj⁻ᵀ for i > j
 * (native dpotrf, dgemm and dtrsm per tile), reading the lower tiles of A from the file and the
 * earlier tiles of L from the scratch folder: n³/3 flops as in memory, plus about n²·(n/b)/2
 * doubles read back from disk. The input is never modified and a block column only reads tiles
 * finished before it, so recomputing a block column is harmless: after each one, its tiles are
 * fsynced and then `progress.json` (input path, size, mtime, block size, columns done, partial
 * log-det) is replaced atomically. A rerun with the same scratch folder skips the columns done;
 * an answer is returned only once every column is done. The tiles are removed at the end; the
 * progress file stays and holds the answer. Each tile of A is checked for finite entries and
 * against its mirror tile for symmetry (1e-10 relative to the largest diagonal entry).
 * @throws {InvalidArgumentError} naming 'maxMemory' when not even {@link MEMDET_WORKING_TILES}
 *   tiles of 64×64 (or n×n when smaller) fit; naming 'scratch' when the folder holds the progress
 *   of another file (path, size or mtime differ) or a block size larger than `maxMemory` allows.
 * @throws {DataFormatError} naming the file: not `.npy`, not float64 little-endian, Fortran
 *   order, not 2-D, not square or truncated.
 * @throws {NonFiniteError} naming the file and the entry; {InvalidArgumentError} naming the file
 *   when it is not symmetric.
 * @throws {NotPositiveDefiniteError} naming the file and the first non-positive leading minor of
 *   the whole matrix.
 * @example memdetLogdet('A.npy', { maxMemory: 256 * 2 ** 20, scratch: '/tmp/memdet-A' })
 */
export function memdetLogdet(path: string, options: MemdetOptions): MemdetResult {
  const { maxMemory, scratch, onProgress } = options;
  if (typeof maxMemory !== 'number' || !Number.isFinite(maxMemory) || maxMemory <= 0)
    throw new InvalidArgumentError('maxMemory', 'must be a positive number of bytes', maxMemory);
  if (typeof scratch !== 'string' || scratch === '')
    throw new InvalidArgumentError('scratch', 'must name a folder', scratch);
  const file = openNpyMatrix(path);
  const n = file.rows;
  if (file.cols !== n)
    throw new DataFormatError(path, 'header', `shape (${n}, ${file.cols}) is not square`);
  const minTile = Math.min(MEMDET_MIN_TILE, n);
  const minBytes = MEMDET_WORKING_TILES * 8 * minTile * minTile;
  if (maxMemory < minBytes)
    throw new InvalidArgumentError(
      'maxMemory',
      `must hold ${MEMDET_WORKING_TILES} tiles of ${minTile}×${minTile} doubles (${minBytes} bytes)`,
      maxMemory,
    );
  const fitting = Math.min(n, Math.floor(Math.sqrt(maxMemory / (8 * MEMDET_WORKING_TILES))));
  const stat = statSync(path);
  const input: MemdetInput = { path: resolve(path), size: stat.size, mtimeMs: stat.mtimeMs };
  mkdirSync(scratch, { recursive: true });
  const previous = readProgress(scratch);
  let progress: MemdetProgress;
  if (previous) {
    const same =
      previous.input?.path === input.path &&
      previous.input.size === input.size &&
      previous.input.mtimeMs === input.mtimeMs &&
      previous.n === n;
    if (!same)
      throw new InvalidArgumentError(
        'scratch',
        `holds the progress of another input (${previous.input?.path}, ${previous.input?.size} bytes, mtime ${previous.input?.mtimeMs}); use an empty folder`,
        scratch,
      );
    if (!(previous.blockSize >= 1 && previous.blockSize <= fitting))
      throw new InvalidArgumentError(
        'scratch',
        `was started with block size ${previous.blockSize}, larger than maxMemory allows (${fitting}); rerun with the earlier maxMemory or an empty folder`,
        scratch,
      );
    progress = previous;
  } else {
    progress = {
      format: 'rmtkit-memdet/1',
      input,
      n,
      blockSize: fitting,
      stepsDone: 0,
      logAbsDet: 0,
    };
  }
  const b = progress.blockSize;
  const blocks = Math.ceil(n / b);
  const resumed = progress.stepsDone > 0;
  if (progress.stepsDone < blocks) {
    const fd = openSync(path, 'r');
    try {
      const factor = new OutOfCore(fd, file, scratch, b, blocks);
      for (let j = progress.stepsDone; j < blocks; j++) {
        const logPart = factor.blockColumn(j);
        progress = { ...progress, stepsDone: j + 1, logAbsDet: progress.logAbsDet + logPart };
        writeProgress(scratch, progress);
        if (j + 1 === blocks) removeTiles(scratch, blocks);
        onProgress?.({
          step: j + 1,
          steps: blocks,
          blockSize: b,
          partialLogAbsDet: progress.logAbsDet,
        });
      }
    } finally {
      closeSync(fd);
    }
  }
  return { logAbsDet: progress.logAbsDet, sign: 1, blocks, blockSize: b, resumed };
}

/** One factorisation's tile buffers and I/O. */
class OutOfCore {
  private readonly c: Float64Array;
  private readonly p: Float64Array;
  private readonly q: Float64Array;
  private readonly diagMax: number;

  constructor(
    private readonly fd: number,
    private readonly file: NpyMatrixFile,
    private readonly scratch: string,
    private readonly b: number,
    private readonly blocks: number,
  ) {
    this.c = new Float64Array(b * b);
    this.p = new Float64Array(b * b);
    this.q = new Float64Array(b * b);
    this.diagMax = this.readDiagonalMax();
  }

  private size(i: number): number {
    return Math.min(this.b, this.file.rows - i * this.b);
  }

  /** Computes and stores block column j of L; returns its 2 Σ ln L_ii. */
  blockColumn(j: number): number {
    const bj = this.size(j);
    const diag = this.reduced(j, j);
    const cd = diag.data;
    for (let r = 0; r < bj; r++) for (let s = r + 1; s < bj; s++) cd[r * bj + s] = cd[s * bj + r]!;
    let ljj: Matrix;
    try {
      ljj = cholesky(diag);
    } catch (e) {
      if (e instanceof NotPositiveDefiniteError)
        throw new NotPositiveDefiniteError(this.file.path, j * this.b + e.minor);
      throw e;
    }
    writeTile(this.scratch, j, j, ljj.data);
    let sum = 0;
    for (let r = 0; r < bj; r++) sum += Math.log(ljj.data[r * bj + r]!);
    for (let i = j + 1; i < this.blocks; i++) {
      const x = triangularSolve(ljj, this.reduced(i, j), {
        lower: true,
        trans: true,
        side: 'right',
      });
      writeTile(this.scratch, i, j, x.data);
    }
    return 2 * sum;
  }

  /** A_ij − Σ_{k<j} L_ik L_jkᵀ (i ≥ j), in the buffer c. */
  private reduced(i: number, j: number): Matrix {
    const bi = this.size(i);
    const bj = this.size(j);
    const c = this.readA(i, j);
    for (let k = 0; k < j; k++) {
      const bk = this.size(k);
      const lik = Matrix.fromRowMajor(
        bi,
        bk,
        readTile(this.scratch, i, k, this.p.subarray(0, bi * bk)),
      );
      const ljk =
        i === j
          ? lik
          : Matrix.fromRowMajor(bj, bk, readTile(this.scratch, j, k, this.q.subarray(0, bj * bk)));
      const prod = matmul(lik, ljk, { transB: true }).data;
      const cd = c.data;
      for (let t = 0; t < cd.length; t++) cd[t] = cd[t]! - prod[t]!;
    }
    return c;
  }

  /** Tile (i, j) of A in c, checked for finiteness and against tile (j, i) for symmetry. */
  private readA(i: number, j: number): Matrix {
    const bi = this.size(i);
    const bj = this.size(j);
    const c = this.readTileOfA(i, j, this.c);
    const m = i === j ? c : this.readTileOfA(j, i, this.p);
    const path = this.file.path;
    const tol = 1e-10 * this.diagMax;
    for (let r = 0; r < bi; r++)
      for (let s = 0; s < bj; s++) {
        const v = c.data[r * bj + s]!;
        const w = m.data[s * bi + r]!;
        if (!Number.isFinite(v)) throw new NonFiniteError(path, i * this.b + r, j * this.b + s, v);
        if (!Number.isFinite(w)) throw new NonFiniteError(path, j * this.b + s, i * this.b + r, w);
        if (Math.abs(v - w) > tol && Math.abs(v - w) > 1e-10 * Math.max(Math.abs(v), Math.abs(w)))
          throw new InvalidArgumentError(
            path,
            `must be symmetric; entries (${i * this.b + r}, ${j * this.b + s}) and (${j * this.b + s}, ${i * this.b + r}) differ`,
            [v, w],
          );
      }
    return c;
  }

  /** Tile (i, j) of A read row by row from the file into `into`. */
  private readTileOfA(i: number, j: number, into: Float64Array): Matrix {
    const bi = this.size(i);
    const bj = this.size(j);
    const n = this.file.cols;
    const out = into.subarray(0, bi * bj);
    const bytes = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    const rowBytes = 8 * bj;
    for (let r = 0; r < bi; r++) {
      const position = this.file.dataOffset + 8 * ((i * this.b + r) * n + j * this.b);
      this.readFully(bytes, r * rowBytes, rowBytes, position, i * this.b + r);
    }
    return Matrix.fromRowMajor(bi, bj, out);
  }

  private readDiagonalMax(): number {
    const n = this.file.rows;
    const one = new Float64Array(1);
    const bytes = new Uint8Array(one.buffer);
    let max = 0;
    for (let k = 0; k < n; k++) {
      this.readFully(bytes, 0, 8, this.file.dataOffset + 8 * (k * n + k), k);
      if (Number.isFinite(one[0]!)) max = Math.max(max, Math.abs(one[0]!));
    }
    return max;
  }

  private readFully(
    bytes: Uint8Array,
    offset: number,
    length: number,
    position: number,
    row: number,
  ): void {
    let done = 0;
    while (done < length) {
      const got = readSync(this.fd, bytes, offset + done, length - done, position + done);
      if (got === 0)
        throw new DataFormatError(
          this.file.path,
          `row ${row}`,
          `truncated: expected ${length} bytes at offset ${position}, found ${done} (the file shrank)`,
        );
      done += got;
    }
  }
}
