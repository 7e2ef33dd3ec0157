import {
  add, clip, div, exp, greater, less, lessEqual, log, mul, neg, RandomState, scalar, sub, sum, tidy, where, zeros,
  type DType, type Tensor,
} from 'dlts';
import { accuracy } from '../book/accuracy.js';
import { row } from '../book/row.js';
import { readScalar, swap } from '../book/swap.js';
import { SequentialOrder } from './sequential_order.js';

export interface SgdClassifierOptions {
  readonly loss: 'log' | 'hinge';
  /** Strength of the l2 penalty. Default 1e-4. */
  readonly alpha?: number;
  /** Default 1000. */
  readonly maxIter?: number;
  /** Default 1e-3. */
  readonly tol?: number;
  readonly randomState: number;
}

/** numpy's int32 max: sklearn's MAX_INT for seeds. */
const MAX_INT = 2147483647;
/** sklearn clips |dloss| to this. */
const MAX_DLOSS = 1e12;
/** sklearn's WeightVector folds its scale into the weights below this. */
const WSCALE_THRESHOLD = 1e-9;
const N_ITER_NO_CHANGE = 5;

/**
 * scikit-learn 1.2's `SGDClassifier` for two classes (penalty l2, learning_rate 'optimal', shuffle,
 * no averaging), step for step: the seeds drawn from `RandomState(random_state)`, sklearn's own
 * shuffle, eta = 1 / (alpha * (optimal_init + t - 1)), the weights kept as a vector times a scale
 * (`wscale`) so the l2 decay is one multiplication, and the stop after 5 epochs whose summed loss
 * did not improve by tol * n. Each sample's step runs as tensor ops; the summed loss is read once
 * per epoch, as sklearn checks it.
 */
export class SgdClassifier {
  coef: Tensor | null = null;
  intercept: Tensor | null = null;
  nIter = 0;
  readonly losses: number[] = [];
  private readonly alpha: number;
  private readonly maxIter: number;
  private readonly tol: number;

  constructor(readonly dtype: DType, private readonly options: SgdClassifierOptions) {
    this.alpha = options.alpha ?? 1e-4;
    this.maxIter = options.maxIter ?? 1000;
    this.tol = options.tol ?? 1e-3;
  }

  /** `x` [n, features]; `labels` 0/1 (1 is the positive class). */
  fit(x: Tensor, labels: ArrayLike<number>): void {
    const n = labels.length;
    const rng = new RandomState(this.options.randomState);
    rng.randint(1, MAX_INT); // make_dataset draws the dataset's own seed first
    const order = new SequentialOrder(n, rng.randint(MAX_INT));
    const { alpha } = this;
    // The 'optimal' schedule starts at eta0 = typw / max(1, dloss(-typw, 1)).
    const typw = Math.sqrt(1 / Math.sqrt(alpha));
    const eta0 = typw / Math.max(1, hostDloss(this.options.loss, -typw, 1));
    const optimalInit = 1 / (eta0 * alpha);
    let w = zeros([x.shape[1]!], this.dtype);
    let b = scalar(0, this.dtype);
    let wscale = 1;
    let t = 1;
    let bestLoss = Infinity;
    let noImprovement = 0;
    for (let epoch = 0; epoch < this.maxIter; epoch++) {
      order.shuffle();
      let sumLoss = scalar(0, this.dtype);
      for (const i of order.index) {
        const yi = labels[i] === 1 ? 1 : -1;
        const eta = 1 / (alpha * (optimalInit + t - 1));
        const decay = Math.max(0, 1 - eta * alpha);
        const wscaleBefore = wscale;
        wscale *= decay;
        const reset = wscale < WSCALE_THRESHOLD;
        const [nw, nb, nl] = tidy(() => {
          const xi = row(x, i);
          const p = add(mul(sum(mul(w, xi)), wscaleBefore), b);
          const update = mul(-eta, clip(this.dloss(p, yi), -MAX_DLOSS, MAX_DLOSS));
          let wNext = w;
          let scale = wscale;
          if (reset) {
            wNext = mul(w, wscale);
            scale = 1;
          }
          wNext = add(wNext, mul(xi, div(update, scale)));
          return [wNext, add(b, update), add(sumLoss, this.loss(p, yi))];
        });
        if (reset) wscale = 1;
        w = swap(w, nw);
        b = swap(b, nb);
        sumLoss = swap(sumLoss, nl);
        t++;
      }
      const epochLoss = readScalar(sumLoss);
      sumLoss.dispose();
      this.losses.push(epochLoss / n);
      this.nIter = epoch + 1;
      noImprovement = epochLoss > bestLoss - this.tol * n ? noImprovement + 1 : 0;
      if (epochLoss < bestLoss) bestLoss = epochLoss;
      if (noImprovement >= N_ITER_NO_CHANGE) break;
    }
    this.coef = swap(this.coef, tidy(() => mul(w, wscale)));
    w.dispose();
    this.intercept = swap(this.intercept, b);
  }

  /** X . coef + intercept > 0 */
  predict(x: Tensor): Tensor {
    return greater(add(sum(mul(x, this.coef!), 1), this.intercept!), 0);
  }

  score(x: Tensor, y: Tensor): number {
    return tidy(() => accuracy(this.predict(x), y));
  }

  dispose(): void {
    this.coef?.dispose();
    this.intercept?.dispose();
  }

  /** The loss's derivative in p, with y = +-1 (sklearn's Log.dloss / Hinge.dloss, threshold 1). */
  private dloss(p: Tensor, y: number): Tensor {
    const z = mul(p, y);
    if (this.options.loss === 'hinge') return where(lessEqual(z, 1), scalar(-y, this.dtype), scalar(0, this.dtype));
    // Beyond |z| = 18 sklearn skips the division (exp(z) would dominate or vanish).
    return where(greater(z, 18), mul(-y, exp(neg(z))), where(less(z, -18), scalar(-y, this.dtype), div(-y, add(exp(z), 1))));
  }

  private loss(p: Tensor, y: number): Tensor {
    const z = mul(p, y);
    if (this.options.loss === 'hinge') return where(lessEqual(z, 1), sub(1, z), scalar(0, this.dtype));
    return where(greater(z, 18), exp(neg(z)), where(less(z, -18), neg(z), log(add(1, exp(neg(z))))));
  }
}

/** dloss on the host, for the schedule's start (sklearn computes it once in double). */
function hostDloss(loss: 'log' | 'hinge', p: number, y: number): number {
  const z = p * y;
  if (loss === 'hinge') return z <= 1 ? -y : 0;
  if (z > 18) return -y * Math.exp(-z);
  if (z < -18) return -y;
  return -y / (Math.exp(z) + 1);
}
