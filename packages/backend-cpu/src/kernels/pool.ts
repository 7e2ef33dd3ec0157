import type { Conv2DInfo, KernelTensor, TypedArray } from '@dlts/core';
import { allocate, fromFloat64, makeTensor } from './alloc.js';

/**
 * Max and average pooling (NHWC) and their gradients. Every output pixel is visited once with the
 * offsets of its window cells that lie inside the input (padding cells are simply absent: they
 * never win a max and are not counted by an average); the channel loop is innermost and contiguous.
 * The per-window loops are top-level functions taking their arrays as arguments, so V8 optimises
 * them once rather than per visitor closure.
 */

/** visit(outOffset, cells, count): cells[0..count) are the input offsets of the window's valid cells. */
type WindowVisitor = (outOffset: number, cells: Int32Array, count: number) => void;

function forEachWindow(info: Conv2DInfo, visit: WindowVisitor): void {
  const { batch, inHeight, inWidth, inChannels: C, outHeight, outWidth, filterHeight, filterWidth } = info;
  const cells = new Int32Array(filterHeight * filterWidth);
  for (let b = 0, o = 0; b < batch; b++) {
    for (let oy = 0; oy < outHeight; oy++) {
      const y0 = oy * info.strideHeight - info.padTop;
      for (let ox = 0; ox < outWidth; ox++, o += C) {
        const x0 = ox * info.strideWidth - info.padLeft;
        let count = 0;
        // Row-major window order, so "first" below means first in that order.
        for (let fy = 0; fy < filterHeight; fy++) {
          const iy = y0 + fy * info.dilationHeight;
          if (iy < 0 || iy >= inHeight) continue;
          for (let fx = 0; fx < filterWidth; fx++) {
            const ix = x0 + fx * info.dilationWidth;
            if (ix >= 0 && ix < inWidth) cells[count++] = ((b * inHeight + iy) * inWidth + ix) * C;
          }
        }
        visit(o, cells, count);
      }
    }
  }
}

function outputShape(info: Conv2DInfo): number[] {
  return [info.batch, info.outHeight, info.outWidth, info.inChannels];
}

function inputShape(info: Conv2DInfo): number[] {
  return [info.batch, info.inHeight, info.inWidth, info.inChannels];
}

export function maxPool(x: KernelTensor<TypedArray>, info: Conv2DInfo): KernelTensor<TypedArray> {
  const C = info.inChannels;
  const X = x.storage;
  const out = allocate(x.dtype, info.batch * info.outHeight * info.outWidth * C);
  forEachWindow(info, (o, cells, count) => maxWindow(out, o, X, cells, count, C));
  return makeTensor(out, outputShape(info), x.dtype);
}

function maxWindow(out: TypedArray, o: number, X: TypedArray, cells: Int32Array, count: number, C: number): void {
  for (let c = 0; c < C; c++) out[o + c] = -Infinity;
  for (let w = 0; w < count; w++) {
    const s = cells[w];
    for (let c = 0; c < C; c++) {
      const v = X[s + c];
      if (v > out[o + c]) out[o + c] = v;
    }
  }
}

/** dy goes to the first maximum of each window (recomputed from x); overlapping windows add up. */
export function maxPoolBackward(dy: KernelTensor<TypedArray>, x: KernelTensor<TypedArray>, info: Conv2DInfo): KernelTensor<TypedArray> {
  const C = info.inChannels;
  const X = x.storage;
  const DY = dy.storage;
  const dx = new Float64Array(X.length);
  const best = new Float64Array(C);
  const argmax = new Int32Array(C);
  forEachWindow(info, (o, cells, count) => {
    if (count > 0) routeMax(dx, DY, o, X, cells, count, C, best, argmax);
  });
  return makeTensor(fromFloat64(dx, dy.dtype), inputShape(info), dy.dtype);
}

/** dx[first argmax of the window, per channel] += dy[o + c]; best/argmax are per-channel scratch. */
function routeMax(
  dx: Float64Array, DY: TypedArray, o: number, X: TypedArray, cells: Int32Array, count: number, C: number,
  best: Float64Array, argmax: Int32Array,
): void {
  const s0 = cells[0];
  for (let c = 0; c < C; c++) {
    best[c] = X[s0 + c];
    argmax[c] = s0 + c;
  }
  for (let w = 1; w < count; w++) {
    const s = cells[w];
    for (let c = 0; c < C; c++) {
      const v = X[s + c];
      if (v > best[c]) {
        best[c] = v;
        argmax[c] = s + c;
      }
    }
  }
  for (let c = 0; c < C; c++) dx[argmax[c]] += DY[o + c];
}

export function avgPool(x: KernelTensor<TypedArray>, info: Conv2DInfo): KernelTensor<TypedArray> {
  const C = info.inChannels;
  const X = x.storage;
  const out = allocate(x.dtype, info.batch * info.outHeight * info.outWidth * C);
  const sum = new Float64Array(C);
  forEachWindow(info, (o, cells, count) => averageWindow(out, o, X, cells, count, C, sum));
  return makeTensor(out, outputShape(info), x.dtype);
}

function averageWindow(out: TypedArray, o: number, X: TypedArray, cells: Int32Array, count: number, C: number, sum: Float64Array): void {
  sum.fill(0);
  for (let w = 0; w < count; w++) {
    const s = cells[w];
    for (let c = 0; c < C; c++) sum[c] += X[s + c];
  }
  for (let c = 0; c < C; c++) out[o + c] = sum[c] / count;
}

/** Each window's dy is shared equally by its cells inside the input. */
export function avgPoolBackward(dy: KernelTensor<TypedArray>, info: Conv2DInfo): KernelTensor<TypedArray> {
  const C = info.inChannels;
  const DY = dy.storage;
  const dx = new Float64Array(info.batch * info.inHeight * info.inWidth * C);
  forEachWindow(info, (o, cells, count) => spreadWindow(dx, DY, o, cells, count, C));
  return makeTensor(fromFloat64(dx, dy.dtype), inputShape(info), dy.dtype);
}

function spreadWindow(dx: Float64Array, DY: TypedArray, o: number, cells: Int32Array, count: number, C: number): void {
  for (let w = 0; w < count; w++) {
    const d = cells[w];
    for (let c = 0; c < C; c++) dx[d + c] += DY[o + c] / count;
  }
}
