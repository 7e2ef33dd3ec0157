import {
  add, clip, dispose, div, gather, greater, log, matMul, mean, mul, neg, RandomState, sigmoid, square, sub, sum, tensor, tidy,
  type DType, type Tensor,
} from 'dlts';
import { accuracy } from '../book/accuracy.js';
import { readScalar, swap } from '../book/swap.js';

export interface MlpClassifierOptions {
  readonly hiddenUnits: number;
  /** l2 strength. */
  readonly alpha: number;
  readonly batchSize: number;
  readonly learningRateInit: number;
  readonly maxIter: number;
  readonly randomState: number;
  /** Default 0.9, Nesterov's. */
  readonly momentum?: number;
  /** Default 1e-4. */
  readonly tol?: number;
  /** Default 10. */
  readonly nIterNoChange?: number;
}

/**
 * scikit-learn 1.2's `MLPClassifier(activation='logistic', solver='sgd')` for two classes, step
 * for step: Glorot-uniform weights and biases drawn from `RandomState(random_state)` (bound
 * sqrt(2 / (fan_in + fan_out)) for the logistic activation), a reshuffle of the sample order each
 * epoch from the same generator, batches with the last partial one kept, the mean log loss plus
 * alpha / 2 * sum(w^2) / batch size, gradients (a^T delta + alpha * w) / batch size, constant
 * learning rate with Nesterov momentum, and the stop once the epoch loss has not improved by tol
 * for more than n_iter_no_change epochs.
 */
export class MlpClassifier {
  /** [w1, w2, b1, b2], sklearn's `coefs_ + intercepts_` order (the optimizer's too). */
  params: Tensor[] = [];
  private velocities: Tensor[] = [];
  readonly losses: number[] = [];
  nIter = 0;

  constructor(readonly dtype: DType, private readonly options: MlpClassifierOptions) {}

  /** `x` [n, features]; `y` the [n, 1] column of 0/1 targets. */
  fit(x: Tensor, y: Tensor): void {
    const o = this.options;
    const [n, features] = x.shape as [number, number];
    const rng = new RandomState(o.randomState);
    const layer = (fanIn: number, fanOut: number) => {
      const bound = Math.sqrt(2 / (fanIn + fanOut));
      const w = tensor(rng.uniform(-bound, bound, [fanIn, fanOut]), [fanIn, fanOut], this.dtype);
      const b = tensor(rng.uniform(-bound, bound, fanOut), [fanOut], this.dtype);
      return [w, b] as const;
    };
    const [w1, b1] = layer(features, o.hiddenUnits);
    const [w2, b2] = layer(o.hiddenUnits, 1);
    this.params = [w1, w2, b1, b2];
    this.velocities = this.params.map((p) => tidy(() => mul(p, 0)));
    const tol = o.tol ?? 1e-4;
    let sampleIdx = Int32Array.from({ length: n }, (_, i) => i);
    let bestLoss = Infinity;
    let noImprovement = 0;
    for (let it = 0; it < o.maxIter; it++) {
      // sklearn.utils.shuffle(sample_idx, random_state): a shuffled arange indexes the current order.
      const perm = Int32Array.from({ length: n }, (_, i) => i);
      rng.shuffle(perm);
      sampleIdx = Int32Array.from(perm, (p) => sampleIdx[p]!);
      let accumulated = 0;
      for (let start = 0; start < n; start += o.batchSize) {
        const batch = sampleIdx.subarray(start, start + o.batchSize);
        const idx = tensor(batch, [batch.length], 'int32');
        const xb = gather(x, idx);
        const yb = gather(y, idx);
        accumulated += this.step(xb, yb) * batch.length;
        dispose([idx, xb, yb]);
      }
      const loss = accumulated / n;
      this.losses.push(loss);
      this.nIter = it + 1;
      noImprovement = loss > bestLoss - tol ? noImprovement + 1 : 0;
      if (loss < bestLoss) bestLoss = loss;
      if (noImprovement > (o.nIterNoChange ?? 10)) break;
    }
  }

  /** One batch: backprop, then the Nesterov update. Returns the batch loss (read, as sklearn sums it in Python). */
  private step(x: Tensor, y: Tensor): number {
    const o = this.options;
    const momentum = o.momentum ?? 0.9;
    const lr = o.learningRateInit;
    const m = x.shape[0]!;
    const [w1, w2, b1, b2] = this.params as [Tensor, Tensor, Tensor, Tensor];
    const out = tidy(() => {
      const a1 = sigmoid(add(matMul(x, w1), b1));
      const a2 = sigmoid(add(matMul(a1, w2), b2));
      const eps = this.dtype === 'float64' ? 2 ** -52 : 2 ** -23;
      const p = clip(a2, eps, 1 - eps);
      const logLoss = div(neg(add(sum(mul(y, log(p))), sum(mul(sub(1, y), log(sub(1, p)))))), m);
      const penalty = div(mul(0.5 * o.alpha, add(sum(square(w1)), sum(square(w2)))), m);
      const d2 = sub(a2, y);
      const d1 = mul(mul(matMul(d2, w2, false, true), a1), sub(1, a1));
      const grads = [
        div(add(matMul(x, d1, true), mul(o.alpha, w1)), m),
        div(add(matMul(a1, d2, true), mul(o.alpha, w2)), m),
        mean(d1, 0),
        mean(d2, 0),
      ];
      const velocities = this.velocities.map((v, i) => sub(mul(v, momentum), mul(grads[i]!, lr)));
      const params = this.params.map((p, i) => add(p, sub(mul(velocities[i]!, momentum), mul(grads[i]!, lr))));
      return { loss: add(logLoss, penalty), velocities, params };
    });
    this.velocities = out.velocities.map((v, i) => swap(this.velocities[i]!, v));
    this.params = out.params.map((p, i) => swap(this.params[i]!, p));
    const loss = readScalar(out.loss);
    out.loss.dispose();
    return loss;
  }

  /** predict_proba > 0.5 (LabelBinarizer's threshold for two classes). */
  predict(x: Tensor): Tensor {
    const [w1, w2, b1, b2] = this.params as [Tensor, Tensor, Tensor, Tensor];
    return greater(sigmoid(add(matMul(sigmoid(add(matMul(x, w1), b1)), w2), b2)), 0.5);
  }

  /** `y` the [rows, 1] column. */
  score(x: Tensor, y: Tensor): number {
    return tidy(() => accuracy(this.predict(x), y));
  }

  dispose(): void {
    dispose([...this.params, ...this.velocities]);
  }
}
