import * as tf from '@tensorflow/tfjs-core';

/**
 * Runs a tfjs kernel by name. Used where the tfjs op would add a check the kernels themselves do not
 * need (tf.conv2d rejects strides and dilations both above 1; the kernels handle it) or where no op
 * exists (the pooling gradients).
 */
export function runKernel(name: string, inputs: tf.NamedTensorMap, attrs: tf.NamedAttrMap): tf.Tensor {
  return tf.engine().runKernel(name, inputs, attrs) as tf.Tensor;
}
