import { sizeOf } from '@dlts/core';
import type { KernelTensor, TypedArray } from '@dlts/core';
import { allocate, makeTensor } from './alloc.js';
import { broadcastStrides } from './broadcast.js';
import { contiguousStrides, forEachRun } from './strided.js';

/** cond !== 0 ? a : b, all three broadcast to `outShape`; the result has a's dtype. */
export function where(
  cond: KernelTensor<TypedArray>, a: KernelTensor<TypedArray>, b: KernelTensor<TypedArray>, outShape: readonly number[],
): KernelTensor<TypedArray> {
  const out = allocate(a.dtype, sizeOf(outShape));
  const C = cond.storage;
  const A = a.storage;
  const B = b.storage;
  const strides = [
    contiguousStrides(outShape),
    broadcastStrides(cond.shape, outShape),
    broadcastStrides(a.shape, outShape),
    broadcastStrides(b.shape, outShape),
  ];
  forEachRun(outShape, strides, (o, n, inner) =>
    selectRun(out, o[0], C, o[1], inner[1], A, o[2], inner[2], B, o[3], inner[3], n));
  return makeTensor(out, outShape, a.dtype);
}

function selectRun(
  out: TypedArray, o: number, C: TypedArray, ci: number, cs: number,
  A: TypedArray, ai: number, as: number, B: TypedArray, bi: number, bs: number, n: number,
): void {
  for (const end = o + n; o < end; o++, ci += cs, ai += as, bi += bs) out[o] = C[ci] !== 0 ? A[ai] : B[bi];
}
