import type { ReduceKernel } from '@dlts/core';
import { sizeOf } from '@dlts/core';
import { floorDiv, lit, mergeDims, offset, rowMajorStrides, splitIndex } from '../codegen.js';
import type { GpuRuntime } from '../runtime.js';
import type { GpujsStorage, T } from '../storage.js';
import { fill } from './fill.js';

/** Reduced elements one fragment walks at most; longer reductions go through partial results. */
const REDUCE_CHUNK = 16384;

/** One loop step of `op` folding x[at] into `acc`. */
function foldStep(op: ReduceKernel, at: string): string {
  return op === 'sum' ? `acc += x[${at}];` : `acc = Math.${op}(acc, x[${at}]);`;
}

/**
 * sum / max / min over `axes`: each output element walks its reduced elements in nested loops
 * (one per merged run of reduced dimensions), so no transpose is needed for any axis set. Past
 * REDUCE_CHUNK reduced elements (a WebGL shader may loop only so often: runtime.ts
 * MAX_SHADER_LOOPS), each output first gets one partial result per chunk, which are then reduced.
 */
export function reduce(rt: GpuRuntime, op: ReduceKernel, x: T, axes: readonly number[]): GpujsStorage {
  const strides = rowMajorStrides(x.shape);
  const keptDims = x.shape.map((_, k) => k).filter((k) => !axes.includes(k));
  const kept = mergeDims(keptDims.map((k) => x.shape[k]!), [keptDims.map((k) => strides[k]!)]);
  const reduced = mergeDims(axes.map((k) => x.shape[k]!), [axes.map((k) => strides[k]!)]);
  const outShape = keptDims.map((k) => x.shape[k]!);
  const count = sizeOf(axes.map((k) => x.shape[k]!));
  if (count === 0) {
    return fill(rt, outShape, op === 'sum' ? 0 : op === 'max' ? -Infinity : Infinity, x.dtype);
  }
  if (count > REDUCE_CHUNK) return reduceInChunks(rt, op, x, kept, reduced, outShape, count);
  const split = splitIndex('i', kept.shape, 'c');
  const loopVars = reduced.shape.map((_, k) => `r${k}`);
  let loops = foldStep(op, `base + ${offset(loopVars, reduced.strides[0]!)}`);
  for (let k = reduced.shape.length - 1; k >= 0; k--) {
    loops = `for (let ${loopVars[k]} = 0; ${loopVars[k]} < ${reduced.shape[k]}; ${loopVars[k]}++) {\n${loops}\n}`;
  }
  return rt.run({
    op,
    source: `function(x) {\nconst i = this.thread.x;\n${split.code}const base = ${offset(split.coords, kept.strides[0]!)};\n`
      + `let acc = ${op === 'sum' ? '0' : 'x[base]'};\n${loops}\nreturn acc;\n}`,
    size: sizeOf(outShape),
    inputs: [x.storage],
    loops: count,
  });
}

interface Merged {
  readonly shape: readonly number[];
  readonly strides: readonly (readonly number[])[];
}

/**
 * Stage one: partial[o, j] reduces chunk j (REDUCE_CHUNK consecutive reduced elements, in
 * row-major order of the reduced dimensions) of output o; stage two reduces partial over j.
 */
function reduceInChunks(rt: GpuRuntime, op: ReduceKernel, x: T, kept: Merged, reduced: Merged, outShape: number[], count: number): GpujsStorage {
  const chunks = Math.ceil(count / REDUCE_CHUNK);
  const outer = splitIndex('o', kept.shape, 'c');
  const inner = splitIndex('f', reduced.shape, 'd');
  const step = foldStep(op, `base + ${offset(inner.coords, reduced.strides[0]!)}`);
  // max / min start from the chunk's first element, sum from 0.
  const start = splitIndex('first', reduced.shape, 'e');
  const init = op === 'sum' ? 'let acc = 0;\n' : `${start.code}let acc = x[base + ${offset(start.coords, reduced.strides[0]!)}];\n`;
  const partial = rt.run({
    op,
    source: `function(x) {\nconst i = this.thread.x;\n${floorDiv('o', 'i', chunks)}const j = i - o * ${lit(chunks)};\n`
      + `${outer.code}const base = ${offset(outer.coords, kept.strides[0]!)};\nconst first = j * ${lit(REDUCE_CHUNK)};\n${init}`
      + `for (let t = 0; t < ${lit(REDUCE_CHUNK)}; t++) {\nconst f = first + t;\nif (f < ${lit(count)}) {\n${inner.code}${step}\n}\n}\nreturn acc;\n}`,
    size: sizeOf(outShape) * chunks,
    inputs: [x.storage],
    loops: REDUCE_CHUNK,
  });
  try {
    return reduce(rt, op, { storage: partial, shape: [sizeOf(outShape), chunks], dtype: x.dtype }, [1]);
  } finally {
    rt.release(partial);
  }
}
