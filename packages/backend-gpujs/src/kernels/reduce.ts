import type { ReduceKernel } from '@dlts/core';
import { sizeOf } from '@dlts/core';
import { mergeDims, offset, rowMajorStrides, splitIndex } from '../codegen.js';
import type { GpuRuntime } from '../runtime.js';
import type { GpujsStorage, T } from '../storage.js';
import { fill } from './fill.js';

/**
 * sum / max / min over `axes`: each output element walks its reduced elements in nested loops
 * (one per merged run of reduced dimensions), so no transpose is needed for any axis set.
 */
export function reduce(rt: GpuRuntime, op: ReduceKernel, x: T, axes: readonly number[]): GpujsStorage {
  const strides = rowMajorStrides(x.shape);
  const keptDims = x.shape.map((_, k) => k).filter((k) => !axes.includes(k));
  const kept = mergeDims(keptDims.map((k) => x.shape[k]!), [keptDims.map((k) => strides[k]!)]);
  const reduced = mergeDims(axes.map((k) => x.shape[k]!), [axes.map((k) => strides[k]!)]);
  const outShape = keptDims.map((k) => x.shape[k]!);
  if (sizeOf(axes.map((k) => x.shape[k]!)) === 0) {
    return fill(rt, outShape, op === 'sum' ? 0 : op === 'max' ? -Infinity : Infinity, x.dtype);
  }
  const split = splitIndex('i', kept.shape, 'c');
  const loopVars = reduced.shape.map((_, k) => `r${k}`);
  const at = `base + ${offset(loopVars, reduced.strides[0]!)}`;
  const step = op === 'sum' ? `acc += x[${at}];` : `acc = Math.${op}(acc, x[${at}]);`;
  let loops = step;
  for (let k = reduced.shape.length - 1; k >= 0; k--) {
    loops = `for (let ${loopVars[k]} = 0; ${loopVars[k]} < ${reduced.shape[k]}; ${loopVars[k]}++) {\n${loops}\n}`;
  }
  return rt.run({
    op,
    source: `function(x) {\nconst i = this.thread.x;\n${split.code}const base = ${offset(split.coords, kept.strides[0]!)};\n`
      + `let acc = ${op === 'sum' ? '0' : 'x[base]'};\n${loops}\nreturn acc;\n}`,
    size: sizeOf(outShape),
    inputs: [x.storage],
  });
}
