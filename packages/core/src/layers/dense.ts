import type { FusedActivation } from '../backend/contract.js';
import { getActivation, type ActivationName } from '../activations.js';
import type { Initializer } from '../initializers.js';
import type { Regularizer } from '../regularizers.js';
import { dense } from '../ops/dense.js';
import { reshape } from '../ops/shape.js';
import { composed } from '../ops/run.js';
import type { Tensor, Variable } from '../tensor.js';
import { Layer, type LayerOptions, type Shape } from './layer.js';

export interface DenseOptions extends LayerOptions {
  units: number;
  activation?: ActivationName;
  useBias?: boolean;
  kernelInitializer?: Initializer;
  biasInitializer?: Initializer;
  kernelRegularizer?: Regularizer;
  biasRegularizer?: Regularizer;
}

const FUSABLE = new Set<string>(['linear', 'relu', 'sigmoid', 'tanh']);

/** activation(x @ kernel + bias) on the last axis. */
export class Dense extends Layer {
  readonly className = 'Dense';
  readonly units: number;
  readonly activation: ActivationName;
  private readonly options: DenseOptions;
  kernel?: Variable;
  bias?: Variable;

  constructor(options: DenseOptions) {
    super(options, 'dense');
    this.units = options.units;
    this.activation = options.activation ?? 'linear';
    getActivation(this.activation, this.name);
    this.options = options;
  }

  override build(inputShape: Shape): void {
    const inDim = this.lastDim(inputShape);
    const o = this.options;
    this.kernel = this.addWeight('kernel', [inDim, this.units], o.kernelInitializer ?? 'glorotUniform', o.kernelRegularizer);
    if (o.useBias ?? true) this.bias = this.addWeight('bias', [this.units], o.biasInitializer ?? 'zeros', o.biasRegularizer);
    super.build(inputShape);
  }

  computeOutputShape(inputShape: Shape): Shape {
    return [...inputShape.slice(0, -1), this.units];
  }

  call(x: Tensor): Tensor {
    return composed(() => {
      const x2 = x.rank === 2 ? x : reshape(x, [-1, x.shape[x.rank - 1]!]);
      const fused = FUSABLE.has(this.activation);
      const z = dense(x2, this.kernel!, this.bias ?? null, fused ? (this.activation as FusedActivation) : 'linear');
      const y = fused ? z : getActivation(this.activation, this.name)(z);
      return x.rank === 2 ? y : reshape(y, [...x.shape.slice(0, -1), this.units]);
    });
  }
}
