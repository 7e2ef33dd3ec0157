import { sizeOf } from '@dlts/core';
import { operandIndices, rowMajorStrides } from '../codegen.js';
import type { GpuRuntime } from '../runtime.js';
import type { GpujsStorage, T } from '../storage.js';

/**
 * The box [begin, begin + size) of x (core has resolved size -1). The start offset is a uniform:
 * one compiled kernel serves every position of a box of that shape (a loop over rows or minibatches
 * would otherwise compile a kernel per row).
 */
export function slice(rt: GpuRuntime, x: T, begin: readonly number[], size: readonly number[]): GpujsStorage {
  const strides = rowMajorStrides(x.shape);
  const start = begin.reduce((s, b, k) => s + b * strides[k]!, 0);
  const { code, indices } = operandIndices(size, [strides], 'c');
  return rt.run({
    op: 'slice',
    source: `function(x, start) {\nconst i = this.thread.x;\n${code}return x[start + ${indices[0]}];\n}`,
    size: sizeOf(size),
    inputs: [x.storage],
    scalars: [start],
  });
}
