import { getActivation, type ActivationFn, type ActivationName } from '../activations.js';
import { tensor } from '../ops/creation.js';
import { add, mul } from '../ops/binary.js';
import { slice } from '../ops/transform.js';
import type { Tensor } from '../tensor.js';
import { Recurrent, type RecurrentOptions } from './recurrent.js';
import type { Shape } from './layer.js';

export interface LSTMOptions extends RecurrentOptions {
  recurrentActivation?: ActivationName;
  /** Initialise the forget gate's bias to 1 (Keras's default). */
  unitForgetBias?: boolean;
}

/**
 * Keras's LSTM: gates in the order input, forget, cell, output;
 * c_t = f * c_{t-1} + i * activation(z_c); h_t = o * activation(c_t).
 */
export class LSTM extends Recurrent {
  readonly className = 'LSTM';
  protected readonly gates = 4;
  protected readonly stateCount = 2;
  private readonly recurrentActivationFn: ActivationFn;
  private readonly unitForgetBias: boolean;

  constructor(options: LSTMOptions) {
    super(options, 'lstm');
    this.recurrentActivationFn = getActivation(options.recurrentActivation ?? 'sigmoid', this.name);
    this.unitForgetBias = options.unitForgetBias ?? true;
  }

  override build(inputShape: Shape): void {
    super.build(inputShape);
    if (!this.bias || !this.unitForgetBias) return;
    // Keras: the forget gate's slice of the bias starts at 1, the rest from the bias initializer.
    const values = Float64Array.from(this.bias.dataSync());
    values.fill(1, this.units, 2 * this.units);
    const forget = tensor(values, this.bias.shape, this.dtype);
    this.bias.assign(forget);
    forget.dispose();
  }

  protected step(z: Tensor, [, c]: Tensor[]): Tensor[] {
    const u = this.units;
    const b = z.shape[0]!;
    const gate = (k: number) => slice(z, [0, k * u], [b, u]);
    const i = this.recurrentActivationFn(gate(0));
    const f = this.recurrentActivationFn(gate(1));
    const g = this.activationFn(gate(2));
    const o = this.recurrentActivationFn(gate(3));
    const cNext = add(mul(f, c!), mul(i, g));
    return [mul(o, this.activationFn(cNext)), cNext];
  }
}
