import * as tf from '@tensorflow/tfjs-core';

/**
 * Inserts `factor - 1` zeros between neighbours along `axis`: size n becomes (n - 1) * factor + 1.
 * A filter dilated this way, convolved with dilation 1, equals the original convolved with
 * dilation `factor`. Done as reshape, pad and slice, so it runs on every engine.
 */
export function interleaveZeros(x: tf.Tensor, axis: number, factor: number): tf.Tensor {
  if (factor === 1) return x;
  const shape = x.shape;
  const n = shape[axis]!;
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const spread = tf.pad(tf.reshape(x, [outer, n, 1, inner]), [[0, 0], [0, 0], [0, factor - 1], [0, 0]]);
  const size = (n - 1) * factor + 1;
  const trimmed = tf.slice(tf.reshape(spread, [outer, n * factor, inner]), [0, 0, 0], [outer, size, inner]);
  return tf.reshape(trimmed, [...shape.slice(0, axis), size, ...shape.slice(axis + 1)]);
}
