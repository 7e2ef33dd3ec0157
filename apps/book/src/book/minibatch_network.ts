import { add, div, tidy, type DType, type RandomState, type Tensor } from 'dlts';
import { trainEpoch } from './minibatches.js';
import { RandomInitNetwork } from './random_init_network.js';
import type { Ch06FitOptions, Ch06Options } from './single_layer_ch06.js';
import { readScalar } from './swap.js';

/**
 * Ch06's `MinibatchNetwork`: RandomInitNetwork trained on mini-batches. After initialising
 * (which seeds 42 and draws the weights) fit() seeds 42 again; each epoch draws one permutation
 * and cuts it into batches of `batchSize`, the last partial batch kept. Gradients and penalties
 * are divided by each batch's size; the epoch loss by the sample count.
 */
export class MinibatchNetwork extends RandomInitNetwork {
  constructor(dtype: DType, np: RandomState, units = 10, readonly batchSize = 32, options: Ch06Options = {}) {
    super(dtype, np, units, options);
  }

  /** `y` is the [n, 1] column of targets. */
  override fit(x: Tensor, y: Tensor, options: Ch06FitOptions): void {
    const n = x.shape[0]!;
    this.initWeights(x.shape[1]!);
    this.np.seed(42);
    for (let epoch = 0; epoch < (options.epochs ?? 100); epoch++) {
      const loss = trainEpoch(this.np, x, y, this.batchSize, (xb, yb) => this.training(xb, yb, xb.shape[0]!));
      this.losses.push(tidy(() => readScalar(div(add(loss, this.regLoss()), n))));
      loss.dispose();
      this.updateValLoss(options.xVal, options.yVal);
    }
  }
}
