import * as tf from '@tensorflow/tfjs-core';
import type { Conv2DInfo } from '@dlts/core';
import { spanOf } from '../kernels/conv_geometry.js';
import { runKernel } from '../kernels/run_kernel.js';

/**
 * The filter gradient as one forward convolution (for engines without Conv2DBackpropFilter, and
 * for dilated convolutions, which tfjs's kernel does not take):
 *
 *   dW[i, j, c, o] = sum over b, p, q of xpad[b, i*dH + p*sH, j*dW + q*sW, c] * dy[b, p, q, o]
 *
 * is a 'valid' Conv2D whose input is xpad transposed to [C, H, W, batch] (channels become the
 * batch, the batch becomes the channels) and whose filter is dy transposed to [outH, outW, batch,
 * outC], with the forward dilations as strides and the forward strides as dilations. Its output
 * [C, fH, fW, outC] is transposed to HWIO.
 */
export function conv2dBackpropFilterByConv(x: tf.Tensor, dy: tf.Tensor, info: Conv2DInfo): tf.Tensor {
  const spanH = spanOf(info.outHeight, info.strideHeight, info.filterHeight, info.dilationHeight);
  const spanW = spanOf(info.outWidth, info.strideWidth, info.filterWidth, info.dilationWidth);
  const bottom = spanH - info.inHeight - info.padTop;
  const right = spanW - info.inWidth - info.padLeft;
  let xpad = tf.pad(x, [[0, 0], [info.padTop, Math.max(bottom, 0)], [info.padLeft, Math.max(right, 0)], [0, 0]]);
  // Rows and columns no window reaches (valid padding, stride not dividing) are cut off.
  if (bottom < 0 || right < 0) xpad = tf.slice(xpad, [0, 0, 0, 0], [info.batch, spanH, spanW, info.inChannels]);
  const grad = runKernel('Conv2D', { x: tf.transpose(xpad, [3, 1, 2, 0]), filter: tf.transpose(dy, [1, 2, 0, 3]) }, {
    strides: [info.dilationHeight, info.dilationWidth],
    pad: 'valid',
    dataFormat: 'NHWC',
    dilations: [info.strideHeight, info.strideWidth],
  });
  return tf.transpose(grad, [1, 2, 0, 3]);
}
