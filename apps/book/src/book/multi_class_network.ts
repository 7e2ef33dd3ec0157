import { add, argmax, div, tensor, tidy, zeros, type DType, type RandomState, type Samples, type Tensor } from 'dlts';
import { accuracy } from './accuracy.js';
import { DualLayer } from './dual_layer.js';
import { categoricalLogLossSum } from './log_loss.js';
import { trainEpoch } from './minibatches.js';
import { bookSoftmax } from './softmax.js';
import { readScalar } from './swap.js';

export interface MultiClassOptions {
  readonly units?: number;
  readonly batchSize?: number;
  readonly learningRate?: number;
  readonly l1?: number;
  readonly l2?: number;
}

export interface MultiClassFitOptions {
  readonly epochs?: number;
  readonly xVal: Tensor;
  /** One-hot, [rows, classes]. */
  readonly yVal: Tensor;
  /** Called after each epoch (progress). */
  readonly onEpoch?: (epoch: number, loss: number, valLoss: number) => void;
}

/**
 * Ch07's `MultiClassNetwork`. The book writes it as a new class; line for line it is the
 * DualLayer's forpass, backprop, penalties and updates with a softmax output, cross-entropy loss
 * and mini-batches, so it is written here as that subclass. fit() seeds 42, then draws
 * w1 ~ N(0, 1) (features, units) and w2 ~ N(0, 1) (units, classes), biases zero, and one
 * permutation per epoch from the same stream. The book's quirk is kept by the inherited backprop:
 * `b2_grad = np.sum(err) / m` is one scalar, subtracted from every class's bias.
 */
export class MultiClassNetwork extends DualLayer {
  readonly batchSize: number;

  constructor(dtype: DType, private readonly np: RandomState, options: MultiClassOptions = {}) {
    super(dtype, options.units ?? 10, options);
    this.batchSize = options.batchSize ?? 32;
  }

  override outputActivation(z: Tensor): Tensor {
    return bookSoftmax(z);
  }

  override lossSum(a: Tensor, y: Tensor): Tensor {
    return categoricalLogLossSum(a, y);
  }

  override initWeights(features: number, classes = 1): void {
    const w1 = tensor(this.np.normal(0, 1, [features, this.units]), [features, this.units], this.dtype);
    const w2 = tensor(this.np.normal(0, 1, [this.units, classes]), [this.units, classes], this.dtype);
    this.setWeights(w1, zeros([this.units], this.dtype), w2, zeros([classes], this.dtype));
  }

  /** `y` one-hot [n, classes]; x and y tensors, or host arrays uploaded a batch at a time. */
  override fit(x: Samples, y: Samples, options: MultiClassFitOptions): void {
    const n = x.shape[0]!;
    this.np.seed(42);
    this.initWeights(x.shape[1]!, y.shape[1]!);
    for (let epoch = 0; epoch < (options.epochs ?? 100); epoch++) {
      const loss = trainEpoch(this.np, x, y, this.batchSize, (xb, yb) => this.training(xb, yb, xb.shape[0]!));
      this.losses.push(tidy(() => readScalar(div(add(loss, this.regLoss()), n))));
      loss.dispose();
      this.updateValLoss(options.xVal, options.yVal);
      options.onEpoch?.(epoch, this.losses.at(-1)!, this.valLosses.at(-1)!);
    }
  }

  /** argmax of the output scores. */
  override predict(x: Tensor): Tensor {
    return argmax(this.forpass(x), 1);
  }

  /** `labels`: int32 class ids [rows]. */
  override score(x: Tensor, labels: Tensor): number {
    return tidy(() => accuracy(this.predict(x), labels));
  }
}
