import { DltsError } from '../errors.js';
import { globalRandom } from '../random/global_random.js';
import { RandomState } from '../random/random_state.js';
import { mul } from '../ops/binary.js';
import { tensor } from '../ops/creation.js';
import { composed } from '../ops/run.js';
import { arrayConstructor } from '../backend/contract.js';
import type { Tensor } from '../tensor.js';
import { Layer, type LayerOptions, type Shape } from './layer.js';

/**
 * Inverted dropout: in training each value is zeroed with probability `rate` and the rest scaled
 * by 1 / (1 - rate); identity in inference. The mask is drawn by core's RandomState and uploaded,
 * so every backend drops the same units for the same seed.
 */
export class Dropout extends Layer {
  readonly className = 'Dropout';
  readonly rate: number;
  private readonly rng?: RandomState;

  constructor(options: LayerOptions & { rate: number; seed?: number }) {
    super(options, 'dropout');
    if (!(options.rate >= 0 && options.rate < 1)) throw new DltsError(`${this.name}: rate must be in [0, 1), got ${options.rate}`);
    this.rate = options.rate;
    if (options.seed !== undefined) this.rng = new RandomState(options.seed);
  }

  computeOutputShape(inputShape: Shape): Shape {
    return inputShape;
  }

  call(x: Tensor, training: boolean): Tensor {
    if (!training || this.rate === 0) return x;
    const u = (this.rng ?? globalRandom()).random([x.size]) as Float64Array;
    const scale = 1 / (1 - this.rate);
    const mask = new (arrayConstructor(x.dtype))(x.size);
    for (let i = 0; i < u.length; i++) mask[i] = u[i]! >= this.rate ? scale : 0;
    return composed(() => mul(x, tensor(mask, x.shape, x.dtype)));
  }
}
