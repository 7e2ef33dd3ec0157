import type { KernelTensor, TypedArray } from '@dlts/core';
import { allocate, makeTensor } from './alloc.js';

/** softmax along the last axis, row by row, with the row max subtracted before exp. */
export function softmax(x: KernelTensor<TypedArray>): KernelTensor<TypedArray> {
  return normalise(x, false);
}

/** log-softmax along the last axis: (x - max) - log(sum(exp(x - max))). */
export function logSoftmax(x: KernelTensor<TypedArray>): KernelTensor<TypedArray> {
  return normalise(x, true);
}

function normalise(x: KernelTensor<TypedArray>, log: boolean): KernelTensor<TypedArray> {
  const X = x.storage;
  const out = allocate(x.dtype, X.length);
  const n = x.shape.length === 0 ? 1 : x.shape[x.shape.length - 1];
  const rows = n === 0 ? 0 : X.length / n;
  // exp(x - max) in float64 while summing, so float32 rounding happens once per element.
  const e = new Float64Array(n);
  for (let r = 0, base = 0; r < rows; r++, base += n) {
    let max = -Infinity;
    for (let j = 0; j < n; j++) max = Math.max(max, X[base + j]);
    let sum = 0;
    for (let j = 0; j < n; j++) sum += e[j] = Math.exp(X[base + j] - max);
    if (log) {
      const logSum = Math.log(sum);
      for (let j = 0; j < n; j++) out[base + j] = X[base + j] - max - logSum;
    } else {
      for (let j = 0; j < n; j++) out[base + j] = e[j] / sum;
    }
  }
  return makeTensor(out, x.shape, x.dtype);
}
