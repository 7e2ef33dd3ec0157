import { sizeOf } from '@dlts/core';
import type { KernelTensor, TypedArray } from '@dlts/core';
import { allocate, makeTensor } from './alloc.js';
import { copyRun } from './strided.js';

/**
 * Slices of x along `axis` at `indices` (range-checked by core):
 * out shape = x.shape[:axis] + indices.shape + x.shape[axis+1:].
 */
export function gather(x: KernelTensor<TypedArray>, indices: KernelTensor<TypedArray>, axis: number): KernelTensor<TypedArray> {
  const outShape = [...x.shape.slice(0, axis), ...indices.shape, ...x.shape.slice(axis + 1)];
  const out = allocate(x.dtype, sizeOf(outShape));
  const outer = sizeOf(x.shape.slice(0, axis));
  const len = x.shape[axis];
  const inner = sizeOf(x.shape.slice(axis + 1));
  const I = indices.storage;
  const count = I.length;
  const X = x.storage;
  for (let o = 0, d = 0; o < outer; o++) {
    const base = o * len * inner;
    for (let i = 0; i < count; i++, d += inner) {
      const s = base + I[i] * inner;
      if (inner >= 64) out.set(X.subarray(s, s + inner), d);
      else copyRun(out, d, 1, X, s, 1, inner);
    }
  }
  return makeTensor(out, outShape, x.dtype);
}
