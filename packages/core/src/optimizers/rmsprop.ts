import { add, div, mul, sub } from '../ops/binary.js';
import { sqrt, square } from '../ops/unary.js';
import type { Tensor } from '../tensor.js';
import { Optimizer } from './optimizer.js';

/** Keras's RMSprop: v = rho v + (1 - rho) g^2; w -= lr g / sqrt(v + eps) (optionally with momentum, centered). */
export class RMSprop extends Optimizer {
  readonly rho: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly centered: boolean;
  protected readonly slotNames: readonly string[];

  constructor({ learningRate = 0.001, rho = 0.9, momentum = 0, epsilon = 1e-7, centered = false }:
    { learningRate?: number; rho?: number; momentum?: number; epsilon?: number; centered?: boolean } = {}) {
    super(learningRate);
    this.rho = rho;
    this.momentum = momentum;
    this.epsilon = epsilon;
    this.centered = centered;
    this.slotNames = ['velocity', ...(momentum > 0 ? ['momentum'] : []), ...(centered ? ['average_gradient'] : [])];
  }

  protected update(w: Tensor, g: Tensor, slots: readonly Tensor[]): { w: Tensor; slots: Tensor[] } {
    let k = 0;
    const v = add(mul(slots[k++]!, this.rho), mul(square(g), 1 - this.rho));
    const m0 = this.momentum > 0 ? slots[k++]! : null;
    const ag = this.centered ? add(mul(slots[k++]!, this.rho), mul(g, 1 - this.rho)) : null;
    const denom = ag ? sub(v, square(ag)) : v;
    const increment = div(mul(g, this.learningRate), sqrt(add(denom, this.epsilon)));
    const next: Tensor[] = [v];
    let wNext: Tensor;
    if (m0) {
      const m = add(mul(m0, this.momentum), increment);
      next.push(m);
      wNext = sub(w, m);
    } else wNext = sub(w, increment);
    if (ag) next.push(ag);
    return { w: wNext, slots: next };
  }
}
