import { Matrix } from '../../linalg/matrix.js';
import type { RandomStream } from '../../random/stream.js';
import { backgroundViews } from '../../ssl/background.js';
import { epsilonCovarianceTail } from '../../ssl/epsilon.js';
import { fitDownstream, fitSupervised, type LabelPredictor } from '../../ssl/estimators.js';
import { fitPretext } from '../../ssl/pretext.js';
import { fashionClasses } from '../data/fashion-classes.js';

/**
 * A grid point of ssl-background: background rank s and strength a, pixel noise, pretext, the
 * unlabeled m, test rows and ridge λ, evaluated at every labeled n of `ns` (comma-separated).
 */
export type SslBackgroundPoint = {
  s: number;
  strength: number;
  noise: number;
  pretext: 'linear' | 'random-features';
  unlabeled: number;
  test: number;
  lambda: number;
  ns: string;
};

/** Test risk ‖Ŷ − Y‖²/p and accuracy per n (order of `ns`), and the stand-in ε̂ of ψ̂(X₁). */
export type SslBackgroundValues = {
  sslRisk: number[];
  supervisedRisk: number[];
  sslAccuracy: number[];
  supervisedAccuracy: number[];
  epsilon: number;
};

const CLASSES = 10;

/**
 * One ssl-background trial (docs/ssl.md): a random partition of the 10 000 Fashion-MNIST test
 * images (14×14) into unlabeled, labeled and test rows; views from {@link backgroundViews}; the
 * pretext ψ̂ fitted on the unlabeled pairs; SSL ridge on ψ̂(X₁) and supervised ridge on X₁ on
 * nested labeled sets, scored on the test rows; ε̂ = Eckart–Young tail beyond p of ψ̂(X₁).
 */
export function simulateSslBackground(
  point: SslBackgroundPoint,
  stream: RandomStream,
): SslBackgroundValues {
  const data = fashionClasses('test', 2);
  const ns = point.ns.split(',').map(Number);
  const maxN = Math.max(...ns);
  const order = stream.child('partition').permutation(data.x.rows);
  const rows = order.subarray(0, point.unlabeled + maxN + point.test);
  const images = Matrix.zeros(rows.length, data.x.cols);
  const y = Matrix.zeros(rows.length, CLASSES);
  rows.forEach((r, i) => {
    images.data.set(data.x.data.subarray(r * data.x.cols, (r + 1) * data.x.cols), i * data.x.cols);
    for (let c = 0; c < CLASSES; c++)
      y.data[i * CLASSES + c] = (data.labels[r] === c ? 1 : 0) - 1 / CLASSES;
  });
  const { s, strength, noise } = point;
  const views = backgroundViews(
    images,
    { height: 14, width: 14, s, strength, noise },
    stream.child('views'),
  );
  const slice = (m: Matrix, from: number, count: number) =>
    Matrix.fromRowMajor(count, m.cols, m.data.slice(from * m.cols, (from + count) * m.cols));
  const m = point.unlabeled;
  const pretext = fitPretext(
    slice(views.x1, 0, m),
    slice(views.x2, 0, m),
    point.pretext === 'linear'
      ? { kind: 'linear', lambda: 1e-4 }
      : {
          kind: 'random-features',
          lambda: 1e-3,
          features: 400,
          seed: stream.child('rf').id.join(),
        },
  );
  const testX = slice(views.x1, m + maxN, point.test);
  const testY = slice(y, m + maxN, point.test);
  const score = (predictor: LabelPredictor): [number, number] => {
    const hat = predictor.predict(testX);
    let risk = 0;
    let correct = 0;
    for (let i = 0; i < hat.rows; i++) {
      let best = 0;
      for (let c = 0; c < CLASSES; c++) {
        const k = i * CLASSES + c;
        risk += (hat.data[k]! - testY.data[k]!) ** 2;
        if (hat.data[k]! > hat.data[i * CLASSES + best]!) best = c;
      }
      if (testY.data[i * CLASSES + best]! > 0) correct++;
    }
    return [risk / (hat.rows * CLASSES), correct / hat.rows];
  };
  const out: SslBackgroundValues = {
    sslRisk: [],
    supervisedRisk: [],
    sslAccuracy: [],
    supervisedAccuracy: [],
    epsilon: epsilonCovarianceTail(pretext.transform(slice(views.x1, 0, m)), CLASSES),
  };
  for (const n of ns) {
    const x1 = slice(views.x1, m, n);
    const yn = slice(y, m, n);
    const [sslRisk, sslAccuracy] = score(fitDownstream(pretext, x1, yn, point.lambda));
    const [supRisk, supAccuracy] = score(fitSupervised(x1, yn, point.lambda));
    out.sslRisk.push(sslRisk);
    out.sslAccuracy.push(sslAccuracy);
    out.supervisedRisk.push(supRisk);
    out.supervisedAccuracy.push(supAccuracy);
  }
  return out;
}
