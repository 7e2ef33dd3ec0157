import type { Conv2DInfo, KernelTensor, TypedArray } from '@dlts/core';
import { allocate, fromFloat64, makeTensor } from './alloc.js';
import { gemm } from './gemm.js';
import { col2im, im2col } from './im2col.js';

/**
 * 2-D convolution (NHWC input, HWIO filter) and its two backprops, all as gemm over the patch
 * matrix (see im2col.ts): with M = batch*outH*outW output pixels, K = filterH*filterW*inC taps and
 * N = outC,
 *   forward:         y [M, N]  = patches [M, K] @ filter [K, N]
 *   backprop input:  dx        = col2im(dy [M, N] @ filter^T [N, K])
 *   backprop filter: dW [K, N] = patches^T [K, M] @ dy [M, N]
 * The patch matrix is built about CHUNK_ELEMENTS at a time (whole output image rows) so its scratch
 * stays cache-sized whatever the batch; a 1x1, stride-1, unpadded conv skips it (x already is the
 * patch matrix).
 */

/** Patch-matrix elements per chunk (256 KiB of float64). */
const CHUNK_ELEMENTS = 32 * 1024;

let scratch = new Float64Array(0);

/** Output image rows (outWidth pixels each) per patch-matrix chunk. */
function chunkImageRows(info: Conv2DInfo, K: number): number {
  return Math.max(1, Math.floor(CHUNK_ELEMENTS / (info.outWidth * K)));
}

/**
 * Splits the output into chunks of whole image rows and hands each its patch-matrix scratch:
 * image rows [first, first + count), i.e. patch rows [row0, row0 + rows).
 */
function forEachChunk(
  info: Conv2DInfo, K: number,
  visit: (first: number, count: number, row0: number, rows: number, cols: Float64Array) => void,
): void {
  const imageRows = info.batch * info.outHeight;
  const step = chunkImageRows(info, K);
  const size = Math.min(step, imageRows) * info.outWidth * K;
  if (scratch.length < size) scratch = new Float64Array(size);
  for (let first = 0; first < imageRows; first += step) {
    const count = Math.min(step, imageRows - first);
    visit(first, count, first * info.outWidth, count * info.outWidth, scratch);
  }
}

function isPointwise(info: Conv2DInfo): boolean {
  return info.filterHeight === 1 && info.filterWidth === 1 && info.strideHeight === 1 && info.strideWidth === 1 &&
    info.padTop === 0 && info.padLeft === 0 && info.outHeight === info.inHeight && info.outWidth === info.inWidth;
}

function sizes(info: Conv2DInfo): { M: number; K: number; N: number } {
  return {
    M: info.batch * info.outHeight * info.outWidth,
    K: info.filterHeight * info.filterWidth * info.inChannels,
    N: info.outChannels,
  };
}

export function conv2d(x: KernelTensor<TypedArray>, filter: KernelTensor<TypedArray>, info: Conv2DInfo): KernelTensor<TypedArray> {
  const { M, K, N } = sizes(info);
  const out = allocate(x.dtype, M * N);
  const w = { data: filter.storage, offset: 0, rowStride: N, colStride: 1 };
  if (isPointwise(info)) {
    gemm(M, N, K, { data: x.storage, offset: 0, rowStride: K, colStride: 1 }, w, out, 0, N);
  } else {
    forEachChunk(info, K, (first, count, row0, rows, cols) => {
      im2col(x.storage, info, first, count, cols);
      gemm(rows, N, K, { data: cols, offset: 0, rowStride: K, colStride: 1 }, w, out, row0 * N, N);
    });
  }
  return makeTensor(out, [info.batch, info.outHeight, info.outWidth, N], x.dtype);
}

export function conv2dBackpropInput(
  dy: KernelTensor<TypedArray>, filter: KernelTensor<TypedArray>, info: Conv2DInfo,
): KernelTensor<TypedArray> {
  const { M, K, N } = sizes(info);
  const inShape = [info.batch, info.inHeight, info.inWidth, info.inChannels];
  const dyView = (row0: number) => ({ data: dy.storage, offset: row0 * N, rowStride: N, colStride: 1 });
  // filter^T [N, K]: element (o, t) is filter[t * N + o].
  const wT = { data: filter.storage, offset: 0, rowStride: 1, colStride: N };
  if (isPointwise(info)) {
    const out = allocate(dy.dtype, M * K);
    gemm(M, K, N, dyView(0), wT, out, 0, K);
    return makeTensor(out, inShape, dy.dtype);
  }
  // Overlapping windows add into the same dx cell, so accumulate in float64.
  const dx = new Float64Array(info.batch * info.inHeight * info.inWidth * info.inChannels);
  forEachChunk(info, K, (first, count, row0, rows, cols) => {
    cols.fill(0, 0, rows * K);
    gemm(rows, K, N, dyView(row0), wT, cols, 0, K);
    col2im(cols, info, first, count, dx);
  });
  return makeTensor(fromFloat64(dx, dy.dtype), inShape, dy.dtype);
}

export function conv2dBackpropFilter(
  x: KernelTensor<TypedArray>, dy: KernelTensor<TypedArray>, info: Conv2DInfo,
): KernelTensor<TypedArray> {
  const { M, K, N } = sizes(info);
  const filterShape = [info.filterHeight, info.filterWidth, info.inChannels, N];
  // Chunks add into the same dW, so accumulate in float64.
  const dw = new Float64Array(K * N);
  if (isPointwise(info)) {
    gemm(K, N, M, { data: x.storage, offset: 0, rowStride: 1, colStride: K },
      { data: dy.storage, offset: 0, rowStride: N, colStride: 1 }, dw, 0, N);
  } else {
    forEachChunk(info, K, (first, count, row0, rows, cols) => {
      im2col(x.storage, info, first, count, cols);
      // patches^T [K, rows]: element (t, r) is cols[r * K + t].
      gemm(K, N, rows, { data: cols, offset: 0, rowStride: 1, colStride: K },
        { data: dy.storage, offset: row0 * N, rowStride: N, colStride: 1 }, dw, 0, N);
    });
  }
  return makeTensor(fromFloat64(dw, x.dtype), filterShape, x.dtype);
}
