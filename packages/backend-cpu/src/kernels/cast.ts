import type { DType, KernelTensor, TypedArray } from '@dlts/core';
import { allocate, makeTensor } from './alloc.js';

/**
 * Converts to `dtype`. TypedArray.set applies the store conversion of the target: ToInt32 for int32
 * (truncation toward zero, like numpy astype, wrapping out-of-range values) and rounding for float32.
 */
export function cast(x: KernelTensor<TypedArray>, dtype: DType): KernelTensor<TypedArray> {
  const out = allocate(dtype, x.storage.length);
  out.set(x.storage);
  return makeTensor(out, x.shape, dtype);
}
