import { sizeOf } from '@dlts/core';
import type { KernelTensor, TypedArray } from '@dlts/core';
import { allocate, makeTensor } from './alloc.js';
import { contiguousStrides, copyRun, forEachRun } from './strided.js';

/** The box x[begin[d] .. begin[d] + size[d]) in every dimension (fully resolved by core). */
export function slice(x: KernelTensor<TypedArray>, begin: readonly number[], size: readonly number[]): KernelTensor<TypedArray> {
  const X = x.storage;
  const out = allocate(x.dtype, sizeOf(size));
  const xStrides = contiguousStrides(x.shape);
  let start = 0;
  for (let d = 0; d < begin.length; d++) start += begin[d] * xStrides[d];
  forEachRun(size, [contiguousStrides(size), xStrides], (o, n, inner) => {
    // The innermost run is not always along x's last axis (size-1 axes are skipped), so check.
    if (n >= 64 && inner[1] === 1) out.set(X.subarray(o[1], o[1] + n), o[0]);
    else copyRun(out, o[0], inner[0], X, o[1], inner[1], n);
  }, [0, start]);
  return makeTensor(out, size, x.dtype);
}
