import * as tf from '@tensorflow/tfjs-core';
import type { Conv2DInfo } from '@dlts/core';
import { inputShapeOf, windowAttrs } from './conv_geometry.js';
import { interleaveZeros } from './interleave_zeros.js';
import { runKernel } from './run_kernel.js';

/** Forward convolution on tfjs's Conv2D kernel (which, unlike the tf.conv2d op, takes strides and dilations together). */
export function conv2d(x: tf.Tensor, filter: tf.Tensor, info: Conv2DInfo): tf.Tensor {
  return runKernel('Conv2D', { x, filter }, { ...windowAttrs(info), dilations: [info.dilationHeight, info.dilationWidth] });
}

/**
 * dx on tfjs's Conv2DBackpropInput. That kernel has no dilations, so a dilated filter is first
 * spread out with zeros: the result is the same convolution with dilation 1 (same padding and
 * output size, since the effective filter size is unchanged).
 */
export function conv2dBackpropInput(dy: tf.Tensor, filter: tf.Tensor, info: Conv2DInfo): tf.Tensor {
  const f = interleaveZeros(interleaveZeros(filter, 0, info.dilationHeight), 1, info.dilationWidth);
  return runKernel('Conv2DBackpropInput', { dy, filter: f }, { ...windowAttrs(info), inputShape: inputShapeOf(info) });
}

/** dFilter on tfjs's Conv2DBackpropFilter (dilation 1 only: it has no dilations; see fills/ otherwise). */
export function conv2dBackpropFilterNative(x: tf.Tensor, dy: tf.Tensor, info: Conv2DInfo): tf.Tensor {
  return runKernel('Conv2DBackpropFilter', { x, dy }, {
    ...windowAttrs(info),
    filterShape: [info.filterHeight, info.filterWidth, info.inChannels, info.outChannels],
  });
}
