import { sizeOf } from '@dlts/core';
import type { KernelTensor, TypedArray } from '@dlts/core';
import { makeTensor } from './alloc.js';

/**
 * Index of the first maximum along `axis` (int32, axis removed). A NaN counts as the maximum, as in
 * numpy. For inner axes the scan runs over whole rows of `inner` elements at a time, so the reads
 * stay contiguous; along the last axis each row is scanned on its own.
 */
export function argmax(x: KernelTensor<TypedArray>, axis: number): KernelTensor<TypedArray> {
  const shape = x.shape;
  const outer = sizeOf(shape.slice(0, axis));
  const len = shape[axis];
  const inner = sizeOf(shape.slice(axis + 1));
  const X = x.storage;
  const out = new Int32Array(outer * inner);
  if (inner === 1) {
    for (let o = 0; o < outer; o++) out[o] = argmaxRow(X, o * len, len);
    return makeTensor(out, shape.filter((_, d) => d !== axis), 'int32');
  }
  const best = new Float64Array(inner);
  for (let o = 0; o < outer; o++) {
    const base = o * len * inner;
    const ob = o * inner;
    for (let j = 0; j < inner; j++) best[j] = X[base + j];
    for (let a = 1; a < len; a++) {
      const row = base + a * inner;
      for (let j = 0; j < inner; j++) {
        const v = X[row + j];
        const m = best[j];
        if (v > m || (v !== v && m === m)) {
          best[j] = v;
          out[ob + j] = a;
        }
      }
    }
  }
  return makeTensor(out, shape.filter((_, d) => d !== axis), 'int32');
}

/** Index of the first maximum (NaN wins) of X[start .. start+len). */
function argmaxRow(X: TypedArray, start: number, len: number): number {
  let best = X[start];
  let at = 0;
  for (let a = 1; a < len; a++) {
    const v = X[start + a];
    if (v > best || (v !== v && best === best)) {
      best = v;
      at = a;
    }
  }
  return at;
}
