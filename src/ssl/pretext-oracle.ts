import { matmul } from '../linalg/api.js';
import type { SslModel } from './model.js';
import type { Pretext } from './pretext.js';

/**
 * The population pretext ψ*(x) = E[X₂ | X₁ = x] = Γ·x of a model (docs/theory.md §16.2): the
 * representation the paper's analysis assumes, as if the unlabeled set were infinite.
 * @example oraclePretext(model).transform(sample.x1).cols // d₂
 */
export function oraclePretext(model: SslModel): Pretext {
  const linearMap = model.gamma.transpose();
  return { kind: 'linear', transform: (x) => matmul(x, linearMap), linearMap };
}
