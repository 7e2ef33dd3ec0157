import { sizeOf } from '@dlts/core';
import { lit, splitIndex } from '../codegen.js';
import type { GpuRuntime } from '../runtime.js';
import type { GpujsStorage, T } from '../storage.js';

/** Slices of x along `axis` at the int32 indices (range-checked by core): x as [outer, n, inner]. */
export function gather(rt: GpuRuntime, x: T, indices: T, axis: number): GpujsStorage {
  const outer = sizeOf(x.shape.slice(0, axis));
  const n = x.shape[axis]!;
  const inner = sizeOf(x.shape.slice(axis + 1));
  const count = indices.storage.length;
  const split = splitIndex('i', [outer, count, inner], 'c');
  const [o, j, r] = split.coords as [string, string, string];
  return rt.run({
    op: 'gather',
    source: `function(x, idx) {\nconst i = this.thread.x;\n${split.code}const at = idx[${j}];\n`
      + `return x[${o} * ${lit(n * inner)} + at * ${lit(inner)} + ${r}];\n}`,
    size: outer * count * inner,
    inputs: [x.storage, indices.storage],
  });
}
