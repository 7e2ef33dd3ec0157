import * as tf from '@tensorflow/tfjs-core';

/**
 * Unsorted segment sum as a ScatterNd: each row of x goes to the output row its id names, and
 * ScatterNd adds rows that share an id. It allocates only the output (a one-hot matMul would need
 * numSegments x N) and is exact for int32.
 */
export function scatterAddByScatterNd(rows: tf.Tensor, ids: tf.Tensor, numSegments: number): tf.Tensor {
  const n = rows.shape[0]!;
  return tf.scatterND(tf.reshape(ids, [n, 1]), rows, [numSegments, ...rows.shape.slice(1)]);
}
