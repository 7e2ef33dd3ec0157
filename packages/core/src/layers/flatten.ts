import { flatten } from '../ops/shape.js';
import type { Tensor } from '../tensor.js';
import { Layer, type LayerOptions, type Shape } from './layer.js';

/** [batch, ...] -> [batch, product of the rest]. */
export class Flatten extends Layer {
  readonly className = 'Flatten';
  constructor(options: LayerOptions = {}) {
    super(options, 'flatten');
  }
  computeOutputShape(inputShape: Shape): Shape {
    const rest = inputShape.slice(1);
    return [inputShape[0] ?? null, rest.includes(null) ? null : rest.reduce<number>((a, d) => a * (d as number), 1)];
  }
  call(x: Tensor): Tensor {
    return flatten(x);
  }
}
