import { getActivation, type ActivationFn, type ActivationName } from '../activations.js';
import type { Tensor } from '../tensor.js';
import { Layer, type LayerOptions, type Shape } from './layer.js';

export class Activation extends Layer {
  readonly className = 'Activation';
  private readonly fn: ActivationFn;

  constructor(options: LayerOptions & { activation: ActivationName }) {
    super(options, 'activation');
    this.fn = getActivation(options.activation, this.name);
  }

  computeOutputShape(inputShape: Shape): Shape {
    return inputShape;
  }

  call(x: Tensor): Tensor {
    return this.fn(x);
  }
}
