import type { Tensor } from '../tensor.js';
import { Recurrent, type RecurrentOptions } from './recurrent.js';

/** h_t = activation(x_t @ kernel + h_{t-1} @ recurrentKernel + bias). */
export class SimpleRNN extends Recurrent {
  readonly className = 'SimpleRNN';
  protected readonly gates = 1;
  protected readonly stateCount = 1;

  constructor(options: RecurrentOptions) {
    super(options, 'simple_rnn');
  }

  protected step(z: Tensor): Tensor[] {
    return [this.activationFn(z)];
  }
}
