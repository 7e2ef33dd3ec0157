import { add, div, mul, sub } from '../ops/binary.js';
import { sqrt, square } from '../ops/unary.js';
import type { Tensor } from '../tensor.js';
import { Optimizer } from './optimizer.js';

/** Keras's Adam: bias correction folded into the step size. */
export class Adam extends Optimizer {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  protected readonly slotNames = ['m', 'v'] as const;

  constructor({ learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7 }: { learningRate?: number; beta1?: number; beta2?: number; epsilon?: number } = {}) {
    super(learningRate);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  protected update(w: Tensor, g: Tensor, [m0, v0]: readonly Tensor[], step: number): { w: Tensor; slots: Tensor[] } {
    const alpha = (this.learningRate * Math.sqrt(1 - this.beta2 ** step)) / (1 - this.beta1 ** step);
    const m = add(m0!, mul(sub(g, m0!), 1 - this.beta1));
    const v = add(v0!, mul(sub(square(g), v0!), 1 - this.beta2));
    return { w: sub(w, div(mul(m, alpha), add(sqrt(v), this.epsilon))), slots: [m, v] };
  }
}
