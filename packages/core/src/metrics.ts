import { DltsError } from './errors.js';
import type { LossName } from './losses.js';
import type { Tensor } from './tensor.js';
import { equal, greater } from './ops/compare.js';
import { cast } from './ops/select.js';
import { mean } from './ops/reduce.js';
import { argmax } from './ops/reduce.js';
import { abs, square } from './ops/unary.js';
import { sub } from './ops/binary.js';
import { reshape } from './ops/shape.js';
import { composed } from './ops/run.js';

export type MetricName = 'accuracy' | 'binaryAccuracy' | 'categoricalAccuracy' | 'sparseCategoricalAccuracy' | 'mse' | 'mae';

/** A metric: (yTrue, yPred) -> scalar mean over the batch; fit() averages it over samples. */
export type MetricFn = (yTrue: Tensor, yPred: Tensor) => Tensor;

const f = (t: Tensor, like: Tensor) => (t.dtype === like.dtype ? t : cast(t, like.dtype));

/** Prediction > 0.5 equals the label. */
export const binaryAccuracy: MetricFn = (yTrue, yPred) =>
  composed(() => mean(equal(f(greater(yPred, 0.5), yPred), f(yTrue, yPred))));

/** argmax of the prediction equals argmax of the one-hot label. */
export const categoricalAccuracy: MetricFn = (yTrue, yPred) =>
  composed(() => mean(cast(equal(argmax(yPred, -1), argmax(yTrue, -1)), 'float32')));

/** argmax of the prediction equals the integer label. */
export const sparseCategoricalAccuracy: MetricFn = (yTrue, yPred) =>
  composed(() => {
    const labels = yTrue.rank === yPred.rank ? reshape(yTrue, yTrue.shape.slice(0, -1)) : yTrue;
    return mean(cast(equal(argmax(yPred, -1), labels.dtype === 'int32' ? labels : cast(labels, 'int32')), 'float32'));
  });

export const mse: MetricFn = (yTrue, yPred) => composed(() => mean(square(sub(yPred, f(yTrue, yPred)))));
export const mae: MetricFn = (yTrue, yPred) => composed(() => mean(abs(sub(yPred, f(yTrue, yPred)))));

/**
 * Keras's choice for 'accuracy': from the loss (binary / categorical / sparse), else from the
 * prediction's shape (one output: binary; several: categorical).
 */
export function getMetric(name: MetricName | MetricFn, loss: LossName | undefined, outputDim: number): MetricFn {
  if (typeof name === 'function') return name;
  switch (name) {
    case 'accuracy':
      if (loss === 'binaryCrossentropy') return binaryAccuracy;
      if (loss === 'sparseCategoricalCrossentropy') return sparseCategoricalAccuracy;
      if (loss === 'categoricalCrossentropy') return categoricalAccuracy;
      return outputDim === 1 ? binaryAccuracy : categoricalAccuracy;
    case 'binaryAccuracy': return binaryAccuracy;
    case 'categoricalAccuracy': return categoricalAccuracy;
    case 'sparseCategoricalAccuracy': return sparseCategoricalAccuracy;
    case 'mse': return mse;
    case 'mae': return mae;
    default:
      throw new DltsError(`unknown metric '${String(name)}' (known: accuracy, binaryAccuracy, categoricalAccuracy, sparseCategoricalAccuracy, mse, mae)`);
  }
}
