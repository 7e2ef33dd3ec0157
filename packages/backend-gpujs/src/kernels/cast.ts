import type { DType } from '@dlts/core';
import type { GpuRuntime } from '../runtime.js';
import type { GpujsStorage, T } from '../storage.js';

/**
 * float -> int32 truncates toward zero; every other cast copies (int32 values already are float32
 * values in this backend's storage). A float32 of magnitude 2^24 or more is a whole number, so
 * the truncated value is still exact in float32 storage.
 */
export function cast(rt: GpuRuntime, x: T, dtype: DType): GpujsStorage {
  const truncate = dtype === 'int32' && x.dtype !== 'int32';
  return rt.run({
    op: 'cast',
    source: `function(x) {\nreturn ${truncate ? 'Math.trunc(x[this.thread.x])' : 'x[this.thread.x]'};\n}`,
    size: x.storage.length,
    inputs: [x.storage],
  });
}
