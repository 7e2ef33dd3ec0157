import { sizeOf } from '@dlts/core';
import type { DType, KernelTensor, TypedArray } from '@dlts/core';
import { allocate, makeTensor } from './alloc.js';

/** A new tensor of `shape` with every element `value` (stored in `dtype`). */
export function fill(shape: readonly number[], value: number, dtype: DType): KernelTensor<TypedArray> {
  const out = allocate(dtype, sizeOf(shape));
  if (!Object.is(value, 0)) out.fill(value);
  return makeTensor(out, shape, dtype);
}
