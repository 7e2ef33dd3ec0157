import { scalar, tensor, zeros, type DType, type RandomState } from 'dlts';
import { DualLayer } from './dual_layer.js';
import type { Ch06Options } from './single_layer_ch06.js';

/**
 * Ch06's `RandomInitNetwork`: DualLayer with `np.random.seed(42)` then w1 ~ N(0, 1) of
 * (features, units) and w2 ~ N(0, 1) of (units, 1), drawn in that order on the host by a
 * numpy-compatible generator and uploaded.
 */
export class RandomInitNetwork extends DualLayer {
  constructor(dtype: DType, protected readonly np: RandomState, units = 10, options: Ch06Options = {}) {
    super(dtype, units, options);
  }

  override initWeights(features: number): void {
    this.np.seed(42);
    const w1 = tensor(this.np.normal(0, 1, [features, this.units]), [features, this.units], this.dtype);
    const w2 = tensor(this.np.normal(0, 1, [this.units, 1]), [this.units, 1], this.dtype);
    this.setWeights(w1, zeros([this.units], this.dtype), w2, scalar(0, this.dtype));
  }
}
