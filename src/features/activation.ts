import { InvalidArgumentError } from '../errors.js';
import { CLOSED_FORM_KERNELS, type PairKernel } from './closed-form-kernels.js';
import { erf } from './erf.js';
import { gaussHermite } from './gauss-hermite.js';

/**
 * An entry-wise activation φ: ℝ → ℝ, with the closed-form kernel
 * E[φ(u)φ(v)] of a centred Gaussian pair (u, v) when one exists (docs/theory.md §15).
 */
export interface Activation {
  /** The name it was resolved from ('relu', 'leaky-relu:0.1', …; 'custom' for a function). */
  readonly name: string;
  /** φ itself. */
  readonly fn: (t: number) => number;
  /** (E u², E v², E uv) ↦ E[φ(u)φ(v)], when a closed form exists. */
  readonly kernel?: PairKernel;
}

const SQRT_HALF = Math.SQRT1_2;

/** The named activations: name ↦ φ (leaky ReLU takes its slope as `leaky-relu:<slope>`). */
const NAMED: Record<string, (t: number) => number> = {
  relu: (t) => Math.max(t, 0),
  tanh: Math.tanh,
  erf,
  sigmoid: (t) => 1 / (1 + Math.exp(-t)),
  gelu: (t) => 0.5 * t * (1 + erf(t * SQRT_HALF)),
  sin: Math.sin,
  cos: Math.cos,
  abs: Math.abs,
  quadratic: (t) => t * t,
  linear: (t) => t,
};

/** Names accepted by {@link activation} (besides `leaky-relu:<slope>`). */
export const ACTIVATION_NAMES: readonly string[] = [...Object.keys(NAMED), 'leaky-relu'];

/** An activation by name (`'relu'`, `'leaky-relu:0.1'`, …), as a JavaScript function, or built. */
export type ActivationSpec = string | ((t: number) => number) | Activation;

/**
 * Resolves an activation from its name or from any JS function, and checks that φ returns finite
 * values on the Gauss–Hermite nodes of order 200 (|t| ≤ 27) and at ±40, the range the quadratures
 * and the simulations evaluate.
 * @throws {InvalidArgumentError} naming 'activation': an unknown name, a leaky slope that is not
 * a finite number, or a function returning a non-finite value (the value and the t are echoed).
 * @example activation('relu').kernel?.(1, 1, 1) // 0.5 = E[relu(ξ)²]
 * @example activation((t) => Math.max(t, 0.2 * t)).name // 'custom'
 */
export function activation(spec: ActivationSpec): Activation {
  if (typeof spec === 'object') return checked(spec);
  if (typeof spec === 'function') return checked({ name: 'custom', fn: spec });
  const [base, parameter] = spec.trim().toLowerCase().split(':') as [string, string | undefined];
  if (base === 'leaky-relu') {
    const slope = parameter === undefined ? 0.1 : Number(parameter);
    if (parameter?.trim() === '' || !Number.isFinite(slope))
      throw new InvalidArgumentError('activation', 'leaky-relu:<slope> needs a finite slope', spec);
    return checked({
      name: `leaky-relu:${slope}`,
      fn: (t) => (t > 0 ? t : slope * t),
      kernel: CLOSED_FORM_KERNELS.leakyRelu(slope),
    });
  }
  const fn = NAMED[base];
  if (!fn || parameter !== undefined)
    throw new InvalidArgumentError(
      'activation',
      `must be a function or one of ${ACTIVATION_NAMES.join(', ')}`,
      spec,
    );
  return checked({ name: base, fn, kernel: CLOSED_FORM_KERNELS.named[base] });
}

function checked(act: Activation): Activation {
  const { nodes } = gaussHermite(200);
  const probe = (t: number) => {
    const v = act.fn(t);
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new InvalidArgumentError(
        'activation',
        `must return finite values; ${act.name}(${t}) = ${String(v)}`,
      );
  };
  for (const t of nodes) probe(t);
  for (const t of [-40, 0, 40]) probe(t);
  return act;
}
