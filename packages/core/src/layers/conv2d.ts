import type { Padding } from '../backend/contract.js';
import { getActivation, type ActivationName } from '../activations.js';
import type { Initializer } from '../initializers.js';
import type { Regularizer } from '../regularizers.js';
import { add } from '../ops/binary.js';
import { conv2d } from '../ops/conv.js';
import { pair, type Pair } from '../ops/conv_util.js';
import { composed } from '../ops/run.js';
import type { Tensor, Variable } from '../tensor.js';
import { Layer, type LayerOptions, type Shape } from './layer.js';
import { convOutputLength } from './conv_shape.js';

export interface Conv2DOptions extends LayerOptions {
  filters: number;
  kernelSize: Pair;
  strides?: Pair;
  padding?: Padding;
  dilationRate?: Pair;
  activation?: ActivationName;
  useBias?: boolean;
  kernelInitializer?: Initializer;
  biasInitializer?: Initializer;
  kernelRegularizer?: Regularizer;
  biasRegularizer?: Regularizer;
}

/** 2-D convolution over NHWC inputs with an HWIO kernel. */
export class Conv2D extends Layer {
  readonly className = 'Conv2D';
  readonly filters: number;
  readonly kernelSize: [number, number];
  readonly strides: [number, number];
  readonly dilationRate: [number, number];
  readonly padding: Padding;
  readonly activation: ActivationName;
  private readonly options: Conv2DOptions;
  kernel?: Variable;
  bias?: Variable;

  constructor(options: Conv2DOptions) {
    super(options, 'conv2d');
    this.filters = options.filters;
    this.kernelSize = pair(this.name, 'kernelSize', options.kernelSize);
    this.strides = pair(this.name, 'strides', options.strides ?? 1);
    this.dilationRate = pair(this.name, 'dilationRate', options.dilationRate ?? 1);
    this.padding = options.padding ?? 'valid';
    this.activation = options.activation ?? 'linear';
    getActivation(this.activation, this.name);
    this.options = options;
  }

  override build(inputShape: Shape): void {
    this.requireRank(inputShape, 4, 'inputs [batch, height, width, channels]');
    const inC = this.lastDim(inputShape);
    const o = this.options;
    this.kernel = this.addWeight('kernel', [...this.kernelSize, inC, this.filters], o.kernelInitializer ?? 'glorotUniform', o.kernelRegularizer);
    if (o.useBias ?? true) this.bias = this.addWeight('bias', [this.filters], o.biasInitializer ?? 'zeros', o.biasRegularizer);
    super.build(inputShape);
  }

  computeOutputShape(inputShape: Shape): Shape {
    const [b, h, w] = inputShape;
    return [
      b ?? null,
      convOutputLength(h ?? null, this.kernelSize[0], this.strides[0], this.dilationRate[0], this.padding),
      convOutputLength(w ?? null, this.kernelSize[1], this.strides[1], this.dilationRate[1], this.padding),
      this.filters,
    ];
  }

  call(x: Tensor): Tensor {
    return composed(() => {
      const z = conv2d(x, this.kernel!, this.strides, this.padding, this.dilationRate);
      return getActivation(this.activation, this.name)(this.bias ? add(z, this.bias) : z);
    });
  }
}
