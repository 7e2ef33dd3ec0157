import { sizeOf } from '@dlts/core';
import { broadcastStrides, operandIndices } from '../codegen.js';
import type { GpuRuntime } from '../runtime.js';
import type { GpujsStorage, T } from '../storage.js';

/** cond != 0 ? a : b, all three broadcast to outShape. */
export function where(rt: GpuRuntime, cond: T, a: T, b: T, outShape: readonly number[]): GpujsStorage {
  const strides = [cond, a, b].map((t) => broadcastStrides(t.shape, outShape));
  const { code, indices } = operandIndices(outShape, strides, 'c');
  return rt.run({
    op: 'where',
    source: `function(c, a, b) {\nconst i = this.thread.x;\n${code}return c[${indices[0]}] != 0 ? a[${indices[1]}] : b[${indices[2]}];\n}`,
    size: sizeOf(outShape),
    inputs: [cond.storage, a.storage, b.storage],
  });
}
