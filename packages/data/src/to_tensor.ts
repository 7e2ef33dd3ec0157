import { tensor, type DType, type Tensor } from '@dlts/core';
import type { DataArray } from './data_array.js';

function defaultDType(a: DataArray): DType {
  if (a.data instanceof Float64Array) return 'float64';
  if (a.data instanceof Int32Array) return 'int32';
  return 'float32';
}

/**
 * A tensor on the current backend with the array's shape. The dtype defaults to the storage's
 * (uint8 becomes float32); the caller owns the tensor and disposes it.
 */
export function toTensor(a: DataArray, dtype: DType = defaultDType(a)): Tensor {
  // core's tensor() takes its own typed arrays; a Uint8Array is widened here, once.
  const values = a.data instanceof Uint8Array ? (dtype === 'int32' ? Int32Array.from(a.data) : Float32Array.from(a.data)) : a.data;
  return tensor(values, a.shape, dtype);
}
