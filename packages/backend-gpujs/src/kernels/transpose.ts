import { sizeOf } from '@dlts/core';
import { operandIndices, rowMajorStrides } from '../codegen.js';
import type { GpuRuntime } from '../runtime.js';
import type { GpujsStorage, T } from '../storage.js';

/** out[..., i_k, ...] = x[... at dimension perm[k] ...]: a gather through permuted strides. */
export function transpose(rt: GpuRuntime, x: T, perm: readonly number[]): GpujsStorage {
  const inStrides = rowMajorStrides(x.shape);
  const outShape = perm.map((p) => x.shape[p]!);
  const { code, indices } = operandIndices(outShape, [perm.map((p) => inStrides[p]!)], 'c');
  return rt.run({
    op: 'transpose',
    source: `function(x) {\nconst i = this.thread.x;\n${code}return x[${indices[0]}];\n}`,
    size: sizeOf(outShape),
    inputs: [x.storage],
  });
}
