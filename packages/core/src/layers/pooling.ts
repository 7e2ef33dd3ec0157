import type { Padding } from '../backend/contract.js';
import { avgPool, maxPool } from '../ops/pool.js';
import { pair, type Pair } from '../ops/conv_util.js';
import type { Tensor } from '../tensor.js';
import { convOutputLength } from './conv_shape.js';
import { Layer, type LayerOptions, type Shape } from './layer.js';

export interface Pooling2DOptions extends LayerOptions {
  /** Window size (default 2x2). */
  poolSize?: Pair;
  /** Defaults to poolSize, as in Keras. */
  strides?: Pair;
  padding?: Padding;
}

abstract class Pooling2D extends Layer {
  readonly poolSize: [number, number];
  readonly strides: [number, number];
  readonly padding: Padding;

  constructor(options: Pooling2DOptions, baseName: string) {
    super(options, baseName);
    this.poolSize = pair(this.name, 'poolSize', options.poolSize ?? 2);
    this.strides = pair(this.name, 'strides', options.strides ?? this.poolSize);
    this.padding = options.padding ?? 'valid';
  }

  override build(inputShape: Shape): void {
    this.requireRank(inputShape, 4, 'inputs [batch, height, width, channels]');
    super.build(inputShape);
  }

  computeOutputShape(inputShape: Shape): Shape {
    const [b, h, w, c] = inputShape;
    return [
      b ?? null,
      convOutputLength(h ?? null, this.poolSize[0], this.strides[0], 1, this.padding),
      convOutputLength(w ?? null, this.poolSize[1], this.strides[1], 1, this.padding),
      c ?? null,
    ];
  }
}

export class MaxPooling2D extends Pooling2D {
  readonly className = 'MaxPooling2D';
  constructor(options: Pooling2DOptions = {}) {
    super(options, 'max_pooling2d');
  }
  call(x: Tensor): Tensor {
    return maxPool(x, this.poolSize, this.strides, this.padding);
  }
}

export class AveragePooling2D extends Pooling2D {
  readonly className = 'AveragePooling2D';
  constructor(options: Pooling2DOptions = {}) {
    super(options, 'average_pooling2d');
  }
  call(x: Tensor): Tensor {
    return avgPool(x, this.poolSize, this.strides, this.padding);
  }
}
