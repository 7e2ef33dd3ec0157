import { add, div, greater, mul, neg, ones, scalar, sub, sum, tidy, type DType, type RandomState, type Tensor } from 'dlts';
import { binaryLogLoss } from './log_loss.js';
import { LogisticNeuron } from './logistic_neuron.js';
import { row } from './row.js';
import { readScalar, swap } from './swap.js';

/**
 * Ch04's `SingleLayer`: the LogisticNeuron plus a shuffled sample order each epoch
 * (`np.random.permutation` from the notebook's global generator, seeded once at its top) and the
 * mean log loss per epoch. Prediction is `z > 0`.
 */
export class SingleLayerCh04 extends LogisticNeuron {
  readonly losses: number[] = [];

  /** `np`: the notebook's global numpy generator (`np.random.seed(42)` at the top of Ch04). */
  constructor(dtype: DType, private readonly np: RandomState) {
    super(dtype);
  }

  override fit(x: Tensor, y: ArrayLike<number>, epochs = 100): void {
    this.w = swap(this.w, ones([x.shape[1]!], this.dtype));
    this.b = swap(this.b, scalar(0, this.dtype));
    for (let epoch = 0; epoch < epochs; epoch++) {
      let loss = scalar(0, this.dtype);
      for (const i of this.np.permutation(y.length)) {
        const [w, b, l] = tidy(() => {
          const xi = row(x, i);
          const a = this.activation(this.forpass(xi));
          const err = neg(sub(y[i]!, a));
          const [wGrad, bGrad] = this.backprop(xi, err);
          return [sub(this.w!, wGrad), sub(this.b!, bGrad), add(loss, binaryLogLoss(a, y[i]!))];
        });
        this.w = swap(this.w, w);
        this.b = swap(this.b, b);
        loss = swap(loss, l);
      }
      this.losses.push(tidy(() => readScalar(div(loss, y.length))));
      loss.dispose();
    }
  }

  /** `z > 0` per row (z summed along each row in the book's order). */
  override predict(x: Tensor): Tensor {
    return greater(add(sum(mul(x, this.w!), 1), this.b!), 0);
  }
}
