import * as tf from '@tensorflow/tfjs-core';
import type { FusedActivation } from '@dlts/core';

/** Batched matmul on tfjs's BatchMatMul, which broadcasts a batch of 1 as the contract does. */
export function matmul(a: tf.Tensor, b: tf.Tensor, transposeA: boolean, transposeB: boolean): tf.Tensor {
  return tf.matMul(a, b, transposeA, transposeB);
}

/**
 * activation(a @ b + bias) on tfjs's _FusedMatMul. Its activations have no tanh (on either engine),
 * so tanh is applied after a fused linear product.
 */
export function fusedMatmul(
  a: tf.Tensor, b: tf.Tensor, bias: tf.Tensor | null, transposeA: boolean, transposeB: boolean, activation: FusedActivation,
): tf.Tensor {
  const fused = activation === 'tanh' ? 'linear' : activation;
  const y = tf.fused.matMul({ a, b, transposeA, transposeB, ...(bias ? { bias } : {}), activation: fused });
  return activation === 'tanh' ? tf.tanh(y) : y;
}
