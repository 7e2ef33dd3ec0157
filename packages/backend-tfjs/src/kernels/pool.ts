import * as tf from '@tensorflow/tfjs-core';
import type { Conv2DInfo } from '@dlts/core';
import { inputShapeOf, windowAttrs } from './conv_geometry.js';
import { runKernel } from './run_kernel.js';

function poolAttrs(info: Conv2DInfo): tf.NamedAttrMap {
  const { strides, pad } = windowAttrs(info);
  return { filterSize: [info.filterHeight, info.filterWidth], strides, pad };
}

/** tfjs's MaxPool skips padded cells (they never win), as the contract requires. */
export function maxPool(x: tf.Tensor, info: Conv2DInfo): tf.Tensor {
  return runKernel('MaxPool', { x }, poolAttrs(info));
}

/** tfjs's AvgPool divides by the window cells inside the input, as the contract requires. */
export function avgPool(x: tf.Tensor, info: Conv2DInfo): tf.Tensor {
  return runKernel('AvgPool', { x }, poolAttrs(info));
}

/** tfjs's MaxPoolGrad, which takes the forward output too (recomputed here: the contract does not pass it). */
export function maxPoolBackwardNative(dy: tf.Tensor, x: tf.Tensor, info: Conv2DInfo): tf.Tensor {
  return runKernel('MaxPoolGrad', { dy, input: x, output: maxPool(x, info) }, poolAttrs(info));
}

/**
 * tfjs's AvgPoolGrad divides every window's dy by the full window size, although its forward
 * AvgPool divides by the in-image cells only (pinned in test/tfjs_quirks.test.ts). Scaling dy by
 * windowSize / cellsInside per output position first makes it the forward's adjoint. The kernel
 * reads only the shape of its `input`, so that is a zeros tensor.
 */
export function avgPoolBackward(dy: tf.Tensor, info: Conv2DInfo): tf.Tensor {
  const scale = edgeWindowScale(info);
  const g = scale ? tf.mul(dy, scale) : dy;
  return runKernel('AvgPoolGrad', { dy: g, input: tf.zeros(inputShapeOf(info)) }, poolAttrs(info));
}

/** windowSize / cellsInside for each output position, [1, outH, outW, 1]; null when every window lies inside. */
function edgeWindowScale(info: Conv2DInfo): tf.Tensor | null {
  const rows = cellsInside(info.outHeight, info.strideHeight, info.filterHeight, info.padTop, info.inHeight);
  const cols = cellsInside(info.outWidth, info.strideWidth, info.filterWidth, info.padLeft, info.inWidth);
  const full = info.filterHeight * info.filterWidth;
  const scale = new Float32Array(info.outHeight * info.outWidth);
  let partial = false;
  for (let i = 0; i < info.outHeight; i++) {
    for (let j = 0; j < info.outWidth; j++) {
      const cells = rows[i]! * cols[j]!;
      partial ||= cells !== full;
      scale[i * info.outWidth + j] = full / cells;
    }
  }
  return partial ? tf.tensor4d(scale, [1, info.outHeight, info.outWidth, 1]) : null;
}

/** For each window along one axis, how many of its cells fall inside the input. */
function cellsInside(out: number, stride: number, filter: number, padBefore: number, size: number): number[] {
  return Array.from({ length: out }, (_, o) => {
    const start = o * stride - padBefore;
    return Math.min(start + filter, size) - Math.max(start, 0);
  });
}
