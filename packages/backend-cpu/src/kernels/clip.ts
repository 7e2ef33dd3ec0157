import type { KernelTensor, TypedArray } from '@dlts/core';
import { allocate, makeTensor } from './alloc.js';

/** Clamps to [min, max]; NaN stays NaN. */
export function clip(x: KernelTensor<TypedArray>, min: number, max: number): KernelTensor<TypedArray> {
  const X = x.storage;
  const n = X.length;
  const out = allocate(x.dtype, n);
  for (let i = 0; i < n; i++) {
    const v = X[i];
    out[i] = v < min ? min : v > max ? max : v;
  }
  return makeTensor(out, x.shape, x.dtype);
}
