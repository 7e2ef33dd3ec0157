import { sizeOf } from '@dlts/core';
import type { KernelTensor, TypedArray } from '@dlts/core';
import { allocate, makeTensor } from './alloc.js';
import { contiguousStrides, copyRun, forEachRun } from './strided.js';

/** Surrounds x with `value`: paddings[d] = [before, after] for every dimension d. */
export function pad(
  x: KernelTensor<TypedArray>, paddings: readonly (readonly [number, number])[], value: number,
): KernelTensor<TypedArray> {
  const outShape = x.shape.map((n, d) => paddings[d][0] + n + paddings[d][1]);
  const out = allocate(x.dtype, sizeOf(outShape));
  if (!Object.is(value, 0)) out.fill(value);
  const outStrides = contiguousStrides(outShape);
  let start = 0;
  for (let d = 0; d < outShape.length; d++) start += paddings[d][0] * outStrides[d];
  const X = x.storage;
  forEachRun(x.shape, [contiguousStrides(x.shape), outStrides], (o, n, inner) =>
    copyRun(out, o[1], inner[1], X, o[0], inner[0], n), [0, start]);
  return makeTensor(out, outShape, x.dtype);
}
