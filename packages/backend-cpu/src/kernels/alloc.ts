import { arrayConstructor } from '@dlts/core';
import type { DType, KernelTensor, TypedArray } from '@dlts/core';

/** A zero-filled array of `size` elements in `dtype`. */
export function allocate(dtype: DType, size: number): TypedArray {
  return new (arrayConstructor(dtype))(size);
}

/** Wraps freshly computed values as a kernel tensor (the shape is copied so callers may reuse theirs). */
export function makeTensor(storage: TypedArray, shape: readonly number[], dtype: DType): KernelTensor<TypedArray> {
  return { storage, shape: shape.slice(), dtype };
}

/**
 * Rounds a double-precision accumulator to `dtype` once, at the end (sums that add many terms
 * accumulate in float64 whatever the result dtype). A float64 accumulator is returned as it is.
 */
export function fromFloat64(acc: Float64Array, dtype: DType): TypedArray {
  if (dtype === 'float64') return acc;
  const out = allocate(dtype, acc.length);
  out.set(acc);
  return out;
}
