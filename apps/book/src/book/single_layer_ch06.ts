import { abs, add, div, greater, matMul, mul, neg, ones, scalar, sign, square, sub, sum, tidy, type DType, type Tensor } from 'dlts';
import { accuracy } from './accuracy.js';
import { binaryLogLoss } from './log_loss.js';
import { bookSigmoid } from './sigmoid.js';
import { readScalar, swap } from './swap.js';

export interface Ch06Options {
  readonly learningRate?: number;
  readonly l1?: number;
  readonly l2?: number;
}

export interface Ch06FitOptions {
  readonly epochs?: number;
  /** [rows, features] */
  readonly xVal: Tensor;
  /** [rows, 1]: the book reshapes the targets to a column. */
  readonly yVal: Tensor;
}

/**
 * Ch06's vectorised `SingleLayer`: full-batch gradient descent with matrix products,
 * w = ones((features, 1)), b = 0, gradients averaged over the m samples, the l1/l2 penalty divided
 * by m too (`(l1 * sign(w) + l2 * w) / m`), losses `(sum of log losses + reg_loss) / m`, and
 * prediction `z > 0`.
 */
export class SingleLayerCh06 {
  w: Tensor | null = null;
  b: Tensor | null = null;
  readonly losses: number[] = [];
  readonly valLosses: number[] = [];
  readonly lr: number;
  readonly l1: number;
  readonly l2: number;

  constructor(readonly dtype: DType, options: Ch06Options = {}) {
    this.lr = options.learningRate ?? 0.1;
    this.l1 = options.l1 ?? 0;
    this.l2 = options.l2 ?? 0;
  }

  /** z = np.dot(x, w) + b */
  forpass(x: Tensor): Tensor {
    return add(matMul(x, this.w!), this.b!);
  }

  /** w_grad = np.dot(x.T, err) / m; b_grad = np.sum(err) / m */
  backprop(x: Tensor, err: Tensor): Tensor[] {
    const m = x.shape[0]!;
    return [div(matMul(x, err, true), m), div(sum(err), m)];
  }

  activation(z: Tensor): Tensor {
    return bookSigmoid(z);
  }

  /** The output layer's activation (sigmoid here, softmax in Ch07). */
  outputActivation(z: Tensor): Tensor {
    return this.activation(z);
  }

  /** The summed loss of a batch (log loss here, cross-entropy in Ch07), on clipped activations. */
  lossSum(a: Tensor, y: Tensor): Tensor {
    return sum(binaryLogLoss(a, y));
  }

  /** `y` is the [m, 1] column of targets. */
  fit(x: Tensor, y: Tensor, options: Ch06FitOptions): void {
    const m = x.shape[0]!;
    this.w = swap(this.w, ones([x.shape[1]!, 1], this.dtype));
    this.b = swap(this.b, scalar(0, this.dtype));
    for (let epoch = 0; epoch < (options.epochs ?? 100); epoch++) {
      const [w, b, loss] = tidy(() => {
        const a = this.outputActivation(this.forpass(x));
        const err = neg(sub(y, a));
        let [wGrad, bGrad] = this.backprop(x, err) as [Tensor, Tensor];
        wGrad = add(wGrad, div(penaltyGrad(this.l1, this.l2, this.w!), m));
        return [sub(this.w!, mul(this.lr, wGrad)), sub(this.b!, mul(this.lr, bGrad)), this.lossSum(a, y)];
      });
      this.w = swap(this.w, w);
      this.b = swap(this.b, b);
      this.losses.push(tidy(() => readScalar(div(add(loss, this.regLoss()), m))));
      loss.dispose();
      this.updateValLoss(options.xVal, options.yVal);
    }
  }

  predict(x: Tensor): Tensor {
    return greater(this.forpass(x), 0);
  }

  /** `y` is the [rows, 1] column. */
  score(x: Tensor, y: Tensor): number {
    return tidy(() => accuracy(this.predict(x), y));
  }

  regLoss(): Tensor {
    return regLoss(this.l1, this.l2, [this.w!]);
  }

  updateValLoss(xVal: Tensor, yVal: Tensor): void {
    this.valLosses.push(tidy(() => {
      const a = this.outputActivation(this.forpass(xVal));
      return readScalar(div(add(this.lossSum(a, yVal), this.regLoss()), yVal.shape[0]!));
    }));
  }

  dispose(): void {
    this.w?.dispose();
    this.b?.dispose();
  }
}

/** l1 * sign(w) + l2 * w */
export function penaltyGrad(l1: number, l2: number, w: Tensor): Tensor {
  return add(mul(l1, sign(w)), mul(l2, w));
}

/** l1 * (sum|w1| + sum|w2| ...) + l2 / 2 * (sum(w1^2) + sum(w2^2) ...), biases excluded. */
export function regLoss(l1: number, l2: number, ws: readonly Tensor[]): Tensor {
  const total = (f: (w: Tensor) => Tensor) => ws.map((w) => sum(f(w))).reduce((s, t) => add(s, t));
  return add(mul(l1, total(abs)), mul(l2 / 2, total(square)));
}
