import type { GpuRuntime } from '../runtime.js';
import type { GpujsStorage, T } from '../storage.js';

/**
 * The bounds are uniforms: one compiled kernel serves every clip range of a size. int32 results
 * are truncated, as an int32 store truncates a fractional bound.
 */
export function clip(rt: GpuRuntime, x: T, min: number, max: number): GpujsStorage {
  const clamped = 'Math.min(Math.max(x[this.thread.x], lo), hi)';
  return rt.run({
    op: 'clip',
    source: `function(x, lo, hi) {\nreturn ${x.dtype === 'int32' ? `Math.trunc(${clamped})` : clamped};\n}`,
    size: x.storage.length,
    inputs: [x.storage],
    scalars: [min, max],
  });
}
