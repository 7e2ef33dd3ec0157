import * as tf from '@tensorflow/tfjs-core';
import { BackendError, type Conv2DInfo } from '@dlts/core';
import { spanOf } from '../kernels/conv_geometry.js';

/**
 * maxPoolBackward from gathers and a scatter, routing each window's dy to its FIRST maximum in
 * row-major window order (ArgMax keeps the first of equal values). Used where the engine's
 * MaxPoolGrad breaks ties differently.
 *
 * The input is padded with -Infinity (padding never wins) and flattened. `cells` holds, window by
 * window in dy's order, the flat index of each of its K cells (computed here: it depends only on
 * the geometry). GatherNd reads the K values of every window, ArgMax picks the winner, a second
 * GatherNd turns it into the winning cell's index, and ScatterNd adds dy there (a cell that wins
 * several windows gets the sum). GatherNd, not GatherV2: tfjs-backend-wasm's GatherV2 copies
 * element by element and is about ten times slower here.
 */
export function maxPoolBackwardByScatter(dy: tf.Tensor, x: tf.Tensor, info: Conv2DInfo): tf.Tensor {
  const { batch, inHeight, inWidth, inChannels: c, outHeight, outWidth, padTop, padLeft } = info;
  const spanH = spanOf(outHeight, info.strideHeight, info.filterHeight, info.dilationHeight);
  const spanW = spanOf(outWidth, info.strideWidth, info.filterWidth, info.dilationWidth);
  const padded = batch * spanH * spanW * c;
  if (padded >= 2 ** 31) throw new BackendError(`tfjs maxPoolBackward: padded input of ${padded} elements exceeds int32 indexing`);
  const bottom = spanH - inHeight - padTop;
  const right = spanW - inWidth - padLeft;
  let xpad = tf.pad(x, [[0, 0], [padTop, Math.max(bottom, 0)], [padLeft, Math.max(right, 0)], [0, 0]], -Infinity);
  if (bottom < 0 || right < 0) xpad = tf.slice(xpad, [0, 0, 0, 0], [batch, spanH, spanW, c]);

  const k = info.filterHeight * info.filterWidth;
  const n = batch * outHeight * outWidth * c;
  const cells = tf.tensor1d(windowCells(info, spanH, spanW), 'int32');
  const windows = tf.reshape(tf.gatherND(tf.reshape(xpad, [padded]), tf.reshape(cells, [n * k, 1])), [n, k]);
  // Row p of `windows` starts at p * k in `cells`; its winner is k entries on at most.
  const rowStart = tf.tensor1d(Int32Array.from({ length: n }, (_, p) => p * k), 'int32');
  const target = tf.gatherND(cells, tf.reshape(tf.add(rowStart, tf.argMax(windows, 1)), [n, 1]));
  const dxpad = tf.reshape(tf.scatterND(tf.reshape(target, [n, 1]), tf.reshape(dy, [n]), [padded]), [batch, spanH, spanW, c]);
  // Crop the padding; rows and columns that no window reaches get zeros.
  const keepH = Math.min(inHeight, spanH - padTop);
  const keepW = Math.min(inWidth, spanW - padLeft);
  const dx = tf.slice(dxpad, [0, padTop, padLeft, 0], [batch, keepH, keepW, c]);
  return keepH < inHeight || keepW < inWidth ? tf.pad(dx, [[0, 0], [0, inHeight - keepH], [0, inWidth - keepW], [0, 0]]) : dx;
}

/** For each window (in [batch, outH, outW, C] order) the flat indices of its cells in the padded input. */
function windowCells(info: Conv2DInfo, spanH: number, spanW: number): Int32Array {
  const { batch, outHeight, outWidth, inChannels: c, filterHeight, filterWidth } = info;
  const offsets: number[] = [];
  for (let i = 0; i < filterHeight; i++) {
    for (let j = 0; j < filterWidth; j++) offsets.push((i * info.dilationHeight * spanW + j * info.dilationWidth) * c);
  }
  const cells = new Int32Array(batch * outHeight * outWidth * c * offsets.length);
  let o = 0;
  for (let b = 0; b < batch; b++) {
    for (let y = 0; y < outHeight; y++) {
      for (let x = 0; x < outWidth; x++) {
        const corner = ((b * spanH + y * info.strideHeight) * spanW + x * info.strideWidth) * c;
        for (let ch = 0; ch < c; ch++) for (const off of offsets) cells[o++] = corner + off + ch;
      }
    }
  }
  return cells;
}
