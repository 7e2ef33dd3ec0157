import { sizeOf } from '@dlts/core';
import type { KernelTensor, TypedArray } from '@dlts/core';
import { allocate, makeTensor } from './alloc.js';

/** Joins tensors that agree on every dimension but `axis`. */
export function concat(xs: readonly KernelTensor<TypedArray>[], axis: number): KernelTensor<TypedArray> {
  const first = xs[0];
  const outShape = first.shape.slice();
  outShape[axis] = xs.reduce((s, x) => s + x.shape[axis], 0);
  const out = allocate(first.dtype, sizeOf(outShape));
  const outer = sizeOf(first.shape.slice(0, axis));
  // Each input contributes one contiguous chunk per outer index.
  const chunks = xs.map((x) => sizeOf(x.shape.slice(axis)));
  const row = chunks.reduce((s, c) => s + c, 0);
  for (let t = 0, at = 0; t < xs.length; at += chunks[t], t++) {
    const X = xs[t].storage;
    const chunk = chunks[t];
    for (let o = 0; o < outer; o++) out.set(X.subarray(o * chunk, (o + 1) * chunk), o * row + at);
  }
  return makeTensor(out, outShape, first.dtype);
}
