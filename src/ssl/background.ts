import { InvalidArgumentError } from '../errors.js';
import { matmul } from '../linalg/api.js';
import { Matrix } from '../linalg/matrix.js';
import { gaussianMatrix } from '../random/gaussian.js';
import type { RandomStream } from '../random/stream.js';

/**
 * The s smoothest orthonormal cosine (DCT-II) images of height×width pixels, as the rows of an
 * s×(height·width) matrix, ordered by total frequency u + v (then u), skipping the constant image:
 * the structured background patterns of the ssl-background experiment (docs/ssl.md).
 * @throws {InvalidArgumentError} naming 's' when s is not an integer in [0, height·width − 1].
 * @example backgroundBasis(14, 14, 3).rows // 3
 */
export function backgroundBasis(height: number, width: number, s: number): Matrix {
  if (!Number.isInteger(s) || s < 0 || s > height * width - 1)
    throw new InvalidArgumentError('s', `must be an integer in [0, ${height * width - 1}]`, s);
  const freqs: Array<[number, number]> = [];
  for (let u = 0; u < height; u++) for (let v = 0; v < width; v++) freqs.push([u, v]);
  freqs.sort((a, b) => a[0] + a[1] - (b[0] + b[1]) || a[0] - b[0]);
  const out = Matrix.zeros(s, height * width);
  const cos = (k: number, i: number, size: number) =>
    Math.cos((Math.PI * (2 * i + 1) * k) / (2 * size)) * Math.sqrt((k === 0 ? 1 : 2) / size);
  freqs.slice(1, s + 1).forEach(([u, v], j) => {
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        out.data[j * height * width + y * width + x] = cos(u, y, height) * cos(v, x, width);
  });
  return out;
}

/** Options of {@link backgroundViews}. */
export interface BackgroundOptions {
  /** Image height and width (rows of `images` hold height·width pixels, row-major). */
  height: number;
  width: number;
  /** Background rank s and strength a: the background is Σ_j c_j P_j, c ~ N(0, a²·I_s). */
  s: number;
  strength: number;
  /** Standard deviation of independent Gaussian pixel noise added to both views. */
  noise: number;
}

/**
 * The two views of the ssl-background experiment (docs/ssl.md): each image gets one background
 * field drawn from the span of the s patterns of {@link backgroundBasis} (random coefficients per
 * image, E‖background‖² = s·a²) plus independent pixel noise; X₁ is the top half of the noisy
 * image, X₂ the bottom half. The background is shared by the views, so E[X₂ | X₁] carries the label
 * information of the image plus a redundancy of rank s whose size grows with a.
 * @throws {InvalidArgumentError} naming 'images' when its width is not height·width or height is
 * odd, and 's' (see {@link backgroundBasis}).
 * @example backgroundViews(images, { height: 14, width: 14, s: 4, strength: 1, noise: 0.01 }, stream).x1.cols // 98
 */
export function backgroundViews(
  images: Matrix,
  options: BackgroundOptions,
  stream: RandomStream,
): { x1: Matrix; x2: Matrix } {
  const { height, width, s, strength, noise } = options;
  const pixels = height * width;
  if (images.cols !== pixels || height % 2 !== 0)
    throw new InvalidArgumentError(
      'images',
      `must have ${pixels} columns, even height`,
      images.cols,
    );
  const field = Matrix.fromRowMajor(images.rows, pixels, Float64Array.from(images.data));
  if (s > 0 && strength > 0) {
    const coef = gaussianMatrix(images.rows, s, stream.child('coefficients'));
    const bg = matmul(coef, backgroundBasis(height, width, s), { alpha: strength });
    for (let k = 0; k < field.data.length; k++) field.data[k] += bg.data[k]!;
  }
  if (noise > 0) {
    const z = gaussianMatrix(images.rows, pixels, stream.child('noise'));
    for (let k = 0; k < field.data.length; k++) field.data[k] += noise * z.data[k]!;
  }
  const half = pixels / 2;
  const x1 = Matrix.zeros(images.rows, half);
  const x2 = Matrix.zeros(images.rows, half);
  for (let i = 0; i < images.rows; i++) {
    x1.data.set(field.data.subarray(i * pixels, i * pixels + half), i * half);
    x2.data.set(field.data.subarray(i * pixels + half, (i + 1) * pixels), i * half);
  }
  return { x1, x2 };
}
