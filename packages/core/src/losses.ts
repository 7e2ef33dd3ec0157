import { DltsError, ShapeError, fmtShape } from './errors.js';
import type { Tensor } from './tensor.js';
import { add, maximum, mul, sub, div } from './ops/binary.js';
import { clip, cast } from './ops/select.js';
import { exp, log, neg, abs, square } from './ops/unary.js';
import { mean, sum } from './ops/reduce.js';
import { logSoftmax } from './ops/softmax.js';
import { oneHot } from './ops/one_hot.js';
import { reshape } from './ops/shape.js';
import { composed } from './ops/run.js';

/** Keras's clipping epsilon for probabilities. */
export const EPSILON = 1e-7;

export type LossName = 'meanSquaredError' | 'binaryCrossentropy' | 'categoricalCrossentropy' | 'sparseCategoricalCrossentropy';

export interface LossOptions {
  /** The predictions are logits (no sigmoid / softmax applied yet). */
  fromLogits?: boolean;
}

/** A loss: (yTrue, yPred) -> scalar, the mean over the batch of the per-sample loss (Keras semantics). */
export type LossFn = (yTrue: Tensor, yPred: Tensor) => Tensor;

function sameShape(name: string, yTrue: Tensor, yPred: Tensor): void {
  if (yTrue.rank !== yPred.rank || yTrue.shape.some((d, i) => d !== yPred.shape[i])) {
    throw new ShapeError(`${name}: yTrue ${fmtShape(yTrue.shape)} and yPred ${fmtShape(yPred.shape)} must have the same shape`);
  }
}

function asFloat(yTrue: Tensor, yPred: Tensor): Tensor {
  return yTrue.dtype === yPred.dtype ? yTrue : cast(yTrue, yPred.dtype);
}

export function meanSquaredError(yTrue: Tensor, yPred: Tensor): Tensor {
  sameShape('meanSquaredError', yTrue, yPred);
  return composed(() => mean(square(sub(yPred, asFloat(yTrue, yPred)))));
}

/** -(y log p + (1 - y) log(1 - p)) with p clipped to [eps, 1 - eps]; logits: the stable softplus form. */
export function binaryCrossentropy(yTrue: Tensor, yPred: Tensor, options: LossOptions = {}): Tensor {
  sameShape('binaryCrossentropy', yTrue, yPred);
  return composed(() => {
    const y = asFloat(yTrue, yPred);
    if (options.fromLogits) {
      // max(x, 0) - x y + log(1 + exp(-|x|))
      const x = yPred;
      return mean(add(sub(maximum(x, 0), mul(x, y)), log(add(exp(neg(abs(x))), 1))));
    }
    const p = clip(yPred, EPSILON, 1 - EPSILON);
    return neg(mean(add(mul(y, log(p)), mul(sub(1, y), log(sub(1, p))))));
  });
}

/** -sum(y log p) over the classes (p normalised and clipped as Keras does), mean over the batch. */
export function categoricalCrossentropy(yTrue: Tensor, yPred: Tensor, options: LossOptions = {}): Tensor {
  sameShape('categoricalCrossentropy', yTrue, yPred);
  return composed(() => {
    const y = asFloat(yTrue, yPred);
    const logP = options.fromLogits
      ? logSoftmax(yPred)
      : log(clip(div(yPred, sum(yPred, -1, true)), EPSILON, 1 - EPSILON));
    return neg(mean(sum(mul(y, logP), -1)));
  });
}

/** Integer labels [batch] (or [batch, 1]) against class scores [batch, classes]. */
export function sparseCategoricalCrossentropy(yTrue: Tensor, yPred: Tensor, options: LossOptions = {}): Tensor {
  const labels = yTrue.rank === yPred.rank ? reshape(yTrue, yTrue.shape.slice(0, -1)) : yTrue;
  if (labels.rank !== yPred.rank - 1 || labels.shape.some((d, i) => d !== yPred.shape[i])) {
    throw new ShapeError(`sparseCategoricalCrossentropy: labels ${fmtShape(yTrue.shape)} do not match predictions ${fmtShape(yPred.shape)}`);
  }
  return composed(() => {
    const ids = labels.dtype === 'int32' ? labels : cast(labels, 'int32');
    return categoricalCrossentropy(oneHot(ids, yPred.shape[yPred.rank - 1]!, yPred.dtype), yPred, options);
  });
}

export function getLoss(loss: LossName | LossFn, options: LossOptions = {}): LossFn {
  if (typeof loss === 'function') return loss;
  switch (loss) {
    case 'meanSquaredError': return meanSquaredError;
    case 'binaryCrossentropy': return (t, p) => binaryCrossentropy(t, p, options);
    case 'categoricalCrossentropy': return (t, p) => categoricalCrossentropy(t, p, options);
    case 'sparseCategoricalCrossentropy': return (t, p) => sparseCategoricalCrossentropy(t, p, options);
    default:
      throw new DltsError(`unknown loss '${String(loss)}' (known: meanSquaredError, binaryCrossentropy, categoricalCrossentropy, sparseCategoricalCrossentropy)`);
  }
}
