import { abs, add, div, greaterEqual, mul, neg, ones, scalar, sign, square, sub, sum, tidy, type DType, type RandomState, type Tensor } from 'dlts';
import { binaryLogLoss } from './log_loss.js';
import { LogisticNeuron } from './logistic_neuron.js';
import { row } from './row.js';
import { readScalar, swap } from './swap.js';

export interface SingleLayerCh05Options {
  readonly learningRate?: number;
  readonly l1?: number;
  readonly l2?: number;
}

export interface Ch05FitOptions {
  readonly epochs?: number;
  readonly xVal?: Tensor;
  /** The validation labels as a tensor of xVal's dtype, [rows]. */
  readonly yVal?: Tensor;
  /** Keep a copy of w after every update (`w_history`, for the weight-path plot): one read per step. */
  readonly recordWeights?: boolean;
}

/**
 * Ch05's `SingleLayer`: per-sample SGD with a learning rate (0.1) for w and b, `np.random.seed(42)`
 * inside fit() then a permutation each epoch, l1/l2 penalties added to each sample's gradient
 * undivided (`w_grad += l1 * sign(w) + l2 * w`), the penalty in the reported losses, an optional
 * validation loss per epoch, and prediction `z >= 0`.
 */
export class SingleLayerCh05 extends LogisticNeuron {
  readonly losses: number[] = [];
  readonly valLosses: number[] = [];
  readonly wHistory: Float64Array[] = [];
  readonly lr: number;
  readonly l1: number;
  readonly l2: number;

  constructor(dtype: DType, private readonly np: RandomState, options: SingleLayerCh05Options = {}) {
    super(dtype);
    this.lr = options.learningRate ?? 0.1;
    this.l1 = options.l1 ?? 0;
    this.l2 = options.l2 ?? 0;
  }

  override fit(x: Tensor, y: ArrayLike<number>, epochsOrOptions: number | Ch05FitOptions = {}): void {
    const options = typeof epochsOrOptions === 'number' ? { epochs: epochsOrOptions } : epochsOrOptions;
    const epochs = options.epochs ?? 100;
    this.w = swap(this.w, ones([x.shape[1]!], this.dtype));
    this.b = swap(this.b, scalar(0, this.dtype));
    if (options.recordWeights) this.recordWeights();
    this.np.seed(42);
    for (let epoch = 0; epoch < epochs; epoch++) {
      let loss = scalar(0, this.dtype);
      for (const i of this.np.permutation(y.length)) {
        const [w, b, l] = tidy(() => {
          const xi = row(x, i);
          const a = this.activation(this.forpass(xi));
          const err = neg(sub(y[i]!, a));
          let [wGrad, bGrad] = this.backprop(xi, err);
          // With both strengths 0 the book adds 0 * sign(w) + 0 * w = 0: skipping it is exact.
          if (this.l1 !== 0 || this.l2 !== 0) wGrad = add(wGrad, add(mul(this.l1, sign(this.w!)), mul(this.l2, this.w!)));
          return [sub(this.w!, mul(this.lr, wGrad)), sub(this.b!, mul(this.lr, bGrad)), add(loss, binaryLogLoss(a, y[i]!))];
        });
        this.w = swap(this.w, w);
        this.b = swap(this.b, b);
        loss = swap(loss, l);
        if (options.recordWeights) this.recordWeights();
      }
      this.losses.push(tidy(() => readScalar(add(div(loss, y.length), this.regLoss()))));
      loss.dispose();
      if (options.xVal && options.yVal) this.updateValLoss(options.xVal, options.yVal);
    }
  }

  /** l1 * sum|w| + l2 / 2 * sum(w^2) */
  regLoss(): Tensor {
    return add(mul(this.l1, sum(abs(this.w!))), mul(this.l2 / 2, sum(square(this.w!))));
  }

  /**
   * The book loops over the validation rows adding each sample's loss; the row sums of
   * x * w and the sum over samples are taken in the same order here, in one pass.
   */
  updateValLoss(xVal: Tensor, yVal: Tensor): void {
    this.valLosses.push(tidy(() => {
      const a = this.activation(add(sum(mul(xVal, this.w!), 1), this.b!));
      const loss = sum(binaryLogLoss(a, yVal));
      return readScalar(add(div(loss, yVal.size), this.regLoss()));
    }));
  }

  /** `z >= 0` per row. */
  override predict(x: Tensor): Tensor {
    return greaterEqual(add(sum(mul(x, this.w!), 1), this.b!), 0);
  }

  private recordWeights(): void {
    this.wHistory.push(Float64Array.from(this.w!.dataSync()));
  }
}
