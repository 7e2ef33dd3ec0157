import { sizeOf } from '@dlts/core';
import { lit, offset, rowMajorStrides, splitIndex } from '../codegen.js';
import type { GpuRuntime } from '../runtime.js';
import type { GpujsStorage, T } from '../storage.js';
import { fill } from './fill.js';

/** Constant padding; the value is a uniform (one kernel per geometry, whatever the value). */
export function pad(rt: GpuRuntime, x: T, paddings: readonly (readonly [number, number])[], value: number): GpujsStorage {
  const outShape = x.shape.map((d, k) => d + paddings[k]![0] + paddings[k]![1]);
  if (x.storage.length === 0) return fill(rt, outShape, value, x.dtype);
  const strides = rowMajorStrides(x.shape);
  const split = splitIndex('i', outShape, 'c');
  const outside = split.coords.flatMap((c, k) => {
    const [before, after] = paddings[k]!;
    const tests: string[] = [];
    if (before > 0) tests.push(`${c} < ${lit(before)}`);
    if (after > 0) tests.push(`${c} >= ${lit(before + x.shape[k]!)}`);
    return tests;
  });
  const start = paddings.reduce((s, [before], k) => s - before * strides[k]!, 0);
  const test = outside.length > 0 ? `if (${outside.join(' || ')}) { return v; }\n` : '';
  return rt.run({
    op: 'pad',
    source: `function(x, v) {\nconst i = this.thread.x;\n${split.code}${test}return x[${offset(split.coords, strides, start)}];\n}`,
    size: sizeOf(outShape),
    inputs: [x.storage],
    scalars: [x.dtype === 'int32' ? Math.trunc(value) : value],
  });
}
