import type { DType } from '@dlts/core';
import { sizeOf } from '@dlts/core';
import { FILL_SOURCE, type GpuRuntime } from '../runtime.js';
import { FLOAT32_EXACT_INT, type GpujsStorage } from '../storage.js';

/** The value is a uniform, so one kernel per size serves every fill value. */
export function fill(rt: GpuRuntime, shape: readonly number[], value: number, dtype: DType): GpujsStorage {
  const size = sizeOf(shape);
  if (dtype === 'int32' && Math.abs(value | 0) > FLOAT32_EXACT_INT) {
    return { value: null, length: size, host: new Int32Array(size).fill(value) };
  }
  return rt.run({ op: 'fill', source: FILL_SOURCE, size, inputs: [], scalars: [dtype === 'int32' ? value | 0 : value] });
}
