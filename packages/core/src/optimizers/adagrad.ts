import { add, div, mul, sub } from '../ops/binary.js';
import { sqrt, square } from '../ops/unary.js';
import type { Tensor } from '../tensor.js';
import { Optimizer } from './optimizer.js';

/** Keras's Adagrad: acc += g^2; w -= lr g / sqrt(acc + eps); acc starts at 0.1. */
export class Adagrad extends Optimizer {
  readonly initialAccumulatorValue: number;
  readonly epsilon: number;
  protected readonly slotNames = ['accumulator'] as const;

  constructor({ learningRate = 0.001, initialAccumulatorValue = 0.1, epsilon = 1e-7 }: { learningRate?: number; initialAccumulatorValue?: number; epsilon?: number } = {}) {
    super(learningRate);
    this.initialAccumulatorValue = initialAccumulatorValue;
    this.epsilon = epsilon;
  }

  protected override slotInit(): number {
    return this.initialAccumulatorValue;
  }

  protected update(w: Tensor, g: Tensor, [acc0]: readonly Tensor[]): { w: Tensor; slots: Tensor[] } {
    const acc = add(acc0!, square(g));
    return { w: sub(w, div(mul(g, this.learningRate), sqrt(add(acc, this.epsilon)))), slots: [acc] };
  }
}
