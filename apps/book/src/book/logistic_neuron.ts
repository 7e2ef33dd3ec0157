import { add, greater, mul, neg, ones, scalar, sub, sum, tidy, type DType, type Tensor } from 'dlts';
import { accuracy } from './accuracy.js';
import { bookSigmoid } from './sigmoid.js';
import { row } from './row.js';
import { swap } from './swap.js';

/**
 * Ch04's `LogisticNeuron`: logistic regression trained per sample in the data's order with an
 * implicit learning rate of 1. w = ones(features), b = 0 at the start of fit().
 */
export class LogisticNeuron {
  w: Tensor | null = null;
  b: Tensor | null = null;

  constructor(readonly dtype: DType) {}

  /** z = np.sum(x * w) + b, for one sample x of shape [features]. */
  forpass(x: Tensor): Tensor {
    return add(sum(mul(x, this.w!)), this.b!);
  }

  backprop(x: Tensor, err: Tensor): [Tensor, Tensor] {
    return [mul(x, err), err];
  }

  activation(z: Tensor): Tensor {
    return bookSigmoid(z);
  }

  fit(x: Tensor, y: ArrayLike<number>, epochs = 100): void {
    this.w = swap(this.w, ones([x.shape[1]!], this.dtype));
    this.b = swap(this.b, scalar(0, this.dtype));
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = 0; i < y.length; i++) {
        const [w, b] = tidy(() => {
          const xi = row(x, i);
          const a = this.activation(this.forpass(xi));
          const err = neg(sub(y[i]!, a));
          const [wGrad, bGrad] = this.backprop(xi, err);
          return [sub(this.w!, wGrad), sub(this.b!, bGrad)];
        });
        this.w = swap(this.w, w);
        this.b = swap(this.b, b);
      }
    }
  }

  /**
   * `a > 0.5` per row. The book evaluates forpass row by row; summing each row of x * w along
   * axis 1 adds the same products in the same order.
   */
  predict(x: Tensor): Tensor {
    return greater(this.activation(add(sum(mul(x, this.w!), 1), this.b!)), 0.5);
  }

  /** `np.mean(self.predict(x) == y)`; `y` is a tensor of labels in x's dtype. */
  score(x: Tensor, y: Tensor): number {
    return tidy(() => accuracy(this.predict(x), y));
  }

  dispose(): void {
    this.w?.dispose();
    this.b?.dispose();
  }
}
