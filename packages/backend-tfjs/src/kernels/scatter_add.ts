import * as tf from '@tensorflow/tfjs-core';

/**
 * tfjs's segment kernels take one id per row: x [N, ...rest] and ids [N]. The contract allows ids of
 * any rank k (they index x's first k axes), so both are flattened to that form first.
 */
export function rowsAndIds(x: tf.Tensor, xShape: readonly number[], ids: tf.Tensor, idsShape: readonly number[]): [tf.Tensor, tf.Tensor] {
  const n = idsShape.reduce((a, b) => a * b, 1);
  return [tf.reshape(x, [n, ...xShape.slice(idsShape.length)]), tf.reshape(ids, [n])];
}

/** Unsorted segment sum on tfjs's UnsortedSegmentSum kernel. */
export function scatterAddNative(rows: tf.Tensor, ids: tf.Tensor, numSegments: number): tf.Tensor {
  return tf.unsortedSegmentSum(rows, ids as tf.Tensor1D, numSegments);
}
