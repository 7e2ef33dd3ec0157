import { add, mul, sub } from '../ops/binary.js';
import type { Tensor } from '../tensor.js';
import { Optimizer } from './optimizer.js';

/** Keras's SGD: m = momentum m - lr g; w += m (nesterov: w += momentum m - lr g). */
export class SGD extends Optimizer {
  readonly momentum: number;
  readonly nesterov: boolean;
  protected readonly slotNames: readonly string[];

  constructor({ learningRate = 0.01, momentum = 0, nesterov = false }: { learningRate?: number; momentum?: number; nesterov?: boolean } = {}) {
    super(learningRate);
    this.momentum = momentum;
    this.nesterov = nesterov;
    this.slotNames = momentum > 0 ? ['momentum'] : [];
  }

  protected update(w: Tensor, g: Tensor, slots: readonly Tensor[]): { w: Tensor; slots: Tensor[] } {
    const lr = this.learningRate;
    if (this.momentum === 0) return { w: sub(w, mul(g, lr)), slots: [] };
    const m = sub(mul(slots[0]!, this.momentum), mul(g, lr));
    const step = this.nesterov ? sub(mul(m, this.momentum), mul(g, lr)) : m;
    return { w: add(w, step), slots: [m] };
  }
}
