import { sizeOf } from '@dlts/core';
import { lit, splitIndex } from '../codegen.js';
import type { GpuRuntime } from '../runtime.js';
import type { GpujsStorage, T } from '../storage.js';

/** Parts per kernel: each is a sampler, and WebGL 1 guarantees only 8 texture units. */
const MAX_PARTS = 8;

/**
 * Joins parts along `axis`: with every part seen as [outer, n_j, inner], an output element picks
 * its part by where its axis coordinate falls. More parts than samplers are joined in rounds.
 */
export function concat(rt: GpuRuntime, xs: readonly T[], axis: number): GpujsStorage {
  const parts = xs.filter((x) => x.storage.length > 0);
  if (parts.length <= MAX_PARTS) return concatKernel(rt, parts, axis, xs[0]!.shape);
  const first = concatKernel(rt, parts.slice(0, MAX_PARTS), axis, xs[0]!.shape);
  try {
    const joined = parts.slice(0, MAX_PARTS).reduce((n, p) => n + p.shape[axis]!, 0);
    const shape = parts[0]!.shape.map((d, k) => (k === axis ? joined : d));
    return concat(rt, [{ storage: first, shape, dtype: parts[0]!.dtype }, ...parts.slice(MAX_PARTS)], axis);
  } finally {
    rt.release(first);
  }
}

function concatKernel(rt: GpuRuntime, parts: readonly T[], axis: number, anyShape: readonly number[]): GpujsStorage {
  const outer = sizeOf(anyShape.slice(0, axis));
  const inner = sizeOf(anyShape.slice(axis + 1));
  const total = parts.reduce((n, p) => n + p.shape[axis]!, 0);
  const split = splitIndex('i', [outer, total, inner], 'c');
  const [o, a, r] = split.coords as [string, string, string];
  let code = split.code;
  let start = 0;
  parts.forEach((p, j) => {
    const n = p.shape[axis]!;
    const at = `${o} * ${lit(n * inner)} + (${a} - ${lit(start)}) * ${lit(inner)} + ${r}`;
    code += j === parts.length - 1 ? `return x${j}[${at}];\n` : `if (${a} < ${lit(start + n)}) { return x${j}[${at}]; }\n`;
    start += n;
  });
  return rt.run({
    op: 'concat',
    source: `function(${parts.map((_, j) => `x${j}`).join(', ')}) {\nconst i = this.thread.x;\n${code}}`,
    size: outer * total * inner,
    inputs: parts.map((p) => p.storage),
  });
}
