import { sizeOf } from '@dlts/core';
import type { ReduceKernel } from '@dlts/core';
import { REDUCE_CODES } from '../op_codes.js';
import type { Runtime } from '../runtime.js';
import { allocStorage, filling, makeTensor, withScratch, type WasmTensor } from '../storage.js';
import { contiguousStrides, writeWalk } from '../walk.js';

/**
 * sum / max / min over the sorted, unique `axes` (dropped from the result): x is walked once in
 * storage order with the output's stride 0 along reduced axes (assembly/reduce.ts).
 */
export function reduce(rt: Runtime, op: ReduceKernel, x: WasmTensor, axes: readonly number[]): WasmTensor {
  const outShape = x.shape.filter((_, d) => !axes.includes(d));
  const n = sizeOf(outShape);
  const out = allocStorage(rt, n);
  const isInt = x.dtype === 'int32' ? 1 : 0;
  rt.exports.reduce_init(REDUCE_CODES[op], isInt, out.ptr, n);
  const kept = contiguousStrides(outShape);
  const outStrides: number[] = [];
  for (let d = 0, k = 0; d < x.shape.length; d++) outStrides.push(axes.includes(d) ? 0 : kept[k++]!);
  const walk = writeWalk(rt, x.shape, [contiguousStrides(x.shape), outStrides]);
  rt.exports.reduce(REDUCE_CODES[op], isInt, walk, x.storage.ptr, out.ptr);
  return makeTensor(out, outShape, x.dtype);
}

/** Index of the first maximum along `axis` (NaN wins); int32, that axis removed. */
export function argmax(rt: Runtime, x: WasmTensor, axis: number): WasmTensor {
  const shape = x.shape;
  const outer = sizeOf(shape.slice(0, axis));
  const inner = sizeOf(shape.slice(axis + 1));
  const out = allocStorage(rt, outer * inner);
  if (out.length > 0) {
    filling(rt, out, () => withScratch(rt, inner * 4, (best) =>
      rt.exports.argmax(x.dtype === 'int32' ? 1 : 0, x.storage.ptr, out.ptr, outer, shape[axis]!, inner, best)));
  }
  return makeTensor(out, shape.filter((_, d) => d !== axis), 'int32');
}
