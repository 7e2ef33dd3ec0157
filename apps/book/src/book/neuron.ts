import { add, mul, neg, scalar, sub, tidy, type DType, type Tensor } from 'dlts';
import { row } from './row.js';
import { readScalar, swap } from './swap.js';

/**
 * Ch03's `Neuron`: one weight and one bias, linear regression by stochastic gradient descent
 * with an implicit learning rate of 1. w = b = 1.0 at construction; fit() does not reset them.
 */
export class Neuron {
  w: Tensor;
  b: Tensor;

  constructor(dtype: DType) {
    this.w = scalar(1.0, dtype);
    this.b = scalar(1.0, dtype);
  }

  /** y_hat = x * w + b */
  forpass(x: Tensor): Tensor {
    return add(mul(x, this.w), this.b);
  }

  /** w_grad = x * err, b_grad = 1 * err (multiplying by 1 changes nothing, so err itself). */
  backprop(x: Tensor, err: Tensor): [Tensor, Tensor] {
    return [mul(x, err), err];
  }

  /** Per sample, in the data's order: err = -(y - y_hat); w -= w_grad; b -= b_grad. `x` is [n]. */
  fit(x: Tensor, y: ArrayLike<number>, epochs = 100): void {
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = 0; i < y.length; i++) {
        const [w, b] = tidy(() => {
          const xi = row(x, i);
          const yHat = this.forpass(xi);
          const err = neg(sub(y[i]!, yHat));
          const [wGrad, bGrad] = this.backprop(xi, err);
          return [sub(this.w, wGrad), sub(this.b, bGrad)];
        });
        this.w = swap(this.w, w);
        this.b = swap(this.b, b);
      }
    }
  }

  /** The trained weight and bias, read once. */
  values(): { w: number; b: number } {
    return { w: readScalar(this.w), b: readScalar(this.b) };
  }

  dispose(): void {
    this.w.dispose();
    this.b.dispose();
  }
}
