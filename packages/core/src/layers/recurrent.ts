import { getActivation, type ActivationFn, type ActivationName } from '../activations.js';
import type { Initializer } from '../initializers.js';
import type { Regularizer } from '../regularizers.js';
import { add } from '../ops/binary.js';
import { fillOn } from '../ops/creation.js';
import { matMul } from '../ops/matmul.js';
import { composed } from '../ops/run.js';
import { expandDims, reshape } from '../ops/shape.js';
import { concat, slice } from '../ops/transform.js';
import type { Tensor, Variable } from '../tensor.js';
import { Layer, type LayerOptions, type Shape } from './layer.js';

export interface RecurrentOptions extends LayerOptions {
  units: number;
  activation?: ActivationName;
  returnSequences?: boolean;
  useBias?: boolean;
  kernelInitializer?: Initializer;
  recurrentInitializer?: Initializer;
  biasInitializer?: Initializer;
  kernelRegularizer?: Regularizer;
  recurrentRegularizer?: Regularizer;
  biasRegularizer?: Regularizer;
}

/**
 * The loop shared by SimpleRNN and LSTM over inputs [batch, time, features]: the input projection
 * x @ kernel + bias is one matmul for all steps; each step then adds h @ recurrentKernel.
 * Keras's weight layout: kernel [features, gates * units], recurrent [units, gates * units].
 */
export abstract class Recurrent extends Layer {
  readonly units: number;
  readonly returnSequences: boolean;
  protected readonly activationFn: ActivationFn;
  protected readonly options: RecurrentOptions;
  kernel?: Variable;
  recurrentKernel?: Variable;
  bias?: Variable;

  /** Gate blocks in the weights: 1 for SimpleRNN, 4 for LSTM. */
  protected abstract readonly gates: number;

  constructor(options: RecurrentOptions, baseName: string) {
    super(options, baseName);
    this.units = options.units;
    this.returnSequences = options.returnSequences ?? false;
    this.activationFn = getActivation(options.activation ?? 'tanh', this.name);
    this.options = options;
  }

  override build(inputShape: Shape): void {
    this.requireRank(inputShape, 3, 'inputs [batch, time, features]');
    const f = this.lastDim(inputShape);
    const g = this.gates * this.units;
    const o = this.options;
    this.kernel = this.addWeight('kernel', [f, g], o.kernelInitializer ?? 'glorotUniform', o.kernelRegularizer);
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, g], o.recurrentInitializer ?? 'orthogonal', o.recurrentRegularizer);
    if (o.useBias ?? true) this.bias = this.addWeight('bias', [g], o.biasInitializer ?? 'zeros', o.biasRegularizer);
    super.build(inputShape);
  }

  computeOutputShape(inputShape: Shape): Shape {
    return this.returnSequences ? [inputShape[0] ?? null, inputShape[1] ?? null, this.units] : [inputShape[0] ?? null, this.units];
  }

  /** One step: z = x_t @ kernel + bias + h @ recurrent (already summed); returns the new state. */
  protected abstract step(z: Tensor, state: Tensor[]): Tensor[];

  /** Number of state tensors (h; or h and c). */
  protected abstract readonly stateCount: number;

  call(x: Tensor): Tensor {
    return composed(() => {
      const [b, t, f] = x.shape as [number, number, number];
      const g = this.gates * this.units;
      let xw = matMul(reshape(x, [b * t, f]), this.kernel!);
      if (this.bias) xw = add(xw, this.bias);
      const proj = reshape(xw, [b, t, g]);
      let state: Tensor[] = Array.from({ length: this.stateCount }, () => fillOn(x.backendName, [b, this.units], 0, x.dtype));
      const outputs: Tensor[] = [];
      for (let s = 0; s < t; s++) {
        const xs = reshape(slice(proj, [0, s, 0], [b, 1, g]), [b, g]);
        state = this.step(add(xs, matMul(state[0]!, this.recurrentKernel!)), state);
        if (this.returnSequences) outputs.push(expandDims(state[0]!, 1));
      }
      return this.returnSequences ? concat(outputs, 1) : state[0]!;
    });
  }
}
