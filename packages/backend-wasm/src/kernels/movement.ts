import { sizeOf } from '@dlts/core';
import type { DType } from '@dlts/core';
import type { Runtime } from '../runtime.js';
import { allocStorage, makeTensor, type WasmTensor } from '../storage.js';
import { contiguousStrides, writeWalk } from '../walk.js';
import { storedBits } from './elementwise.js';

/** Permutes axes (output axis d is input axis perm[d]); swapping the last two axes is tiled. */
export function transpose(rt: Runtime, x: WasmTensor, perm: readonly number[]): WasmTensor {
  const outShape = perm.map((d) => x.shape[d]!);
  const out = allocStorage(rt, x.storage.length);
  const r = perm.length;
  const swapsLastTwo = r >= 2 && perm[r - 1] === r - 2 && perm[r - 2] === r - 1 && perm.slice(0, r - 2).every((d, i) => d === i);
  const rows = x.shape[r - 2] ?? 0;
  const cols = x.shape[r - 1] ?? 0;
  if (swapsLastTwo && rows > 1 && cols > 1) {
    rt.exports.transpose2d(x.storage.ptr, out.ptr, x.storage.length / (rows * cols), rows, cols);
  } else {
    const xStrides = contiguousStrides(x.shape);
    const walk = writeWalk(rt, outShape, [contiguousStrides(outShape), perm.map((d) => xStrides[d]!)]);
    rt.exports.copy_strided(walk, out.ptr, x.storage.ptr);
  }
  return makeTensor(out, outShape, x.dtype);
}

/** The box x[begin[d] .. begin[d] + size[d]) in every dimension. */
export function slice(rt: Runtime, x: WasmTensor, begin: readonly number[], size: readonly number[]): WasmTensor {
  const out = allocStorage(rt, sizeOf(size));
  const xStrides = contiguousStrides(x.shape);
  let start = 0;
  for (let d = 0; d < begin.length; d++) start += begin[d]! * xStrides[d]!;
  const walk = writeWalk(rt, size, [contiguousStrides(size), xStrides]);
  if (out.length > 0) rt.exports.copy_strided(walk, out.ptr, x.storage.ptr + start * 4);
  return makeTensor(out, size, x.dtype);
}

/** Joins tensors that agree on every dimension but `axis`: each input is a [outer, chunk] block copy. */
export function concat(rt: Runtime, xs: readonly WasmTensor[], axis: number): WasmTensor {
  const first = xs[0]!;
  const outShape = first.shape.slice();
  outShape[axis] = xs.reduce((s, x) => s + x.shape[axis]!, 0);
  const out = allocStorage(rt, sizeOf(outShape));
  const outer = sizeOf(first.shape.slice(0, axis));
  const row = sizeOf(outShape.slice(axis));
  let at = 0;
  for (const x of xs) {
    const chunk = sizeOf(x.shape.slice(axis));
    if (chunk > 0 && outer > 0) {
      const walk = writeWalk(rt, [outer, chunk], [[row, 1], [chunk, 1]]);
      rt.exports.copy_strided(walk, out.ptr + at * 4, x.storage.ptr);
    }
    at += chunk;
  }
  return makeTensor(out, outShape, first.dtype);
}

/** Surrounds x with `value` (paddings[d] = [before, after]). */
export function pad(rt: Runtime, x: WasmTensor, paddings: readonly (readonly [number, number])[], value: number): WasmTensor {
  const outShape = x.shape.map((n, d) => paddings[d]![0] + n + paddings[d]![1]);
  const out = allocStorage(rt, sizeOf(outShape));
  rt.exports.fill32(out.ptr, out.length, storedBits(value, x.dtype));
  const outStrides = contiguousStrides(outShape);
  let start = 0;
  for (let d = 0; d < outShape.length; d++) start += paddings[d]![0] * outStrides[d]!;
  const walk = writeWalk(rt, x.shape, [outStrides, contiguousStrides(x.shape)]);
  if (x.storage.length > 0) rt.exports.copy_strided(walk, out.ptr + start * 4, x.storage.ptr);
  return makeTensor(out, outShape, x.dtype);
}

/** Slices of x along `axis` at int32 `indices`: x.shape[:axis] + indices.shape + x.shape[axis+1:]. */
export function gather(rt: Runtime, x: WasmTensor, indices: WasmTensor, axis: number): WasmTensor {
  const outShape = [...x.shape.slice(0, axis), ...indices.shape, ...x.shape.slice(axis + 1)];
  const out = allocStorage(rt, sizeOf(outShape));
  if (out.length > 0) {
    rt.exports.gather(x.storage.ptr, indices.storage.ptr, out.ptr, sizeOf(x.shape.slice(0, axis)), x.shape[axis]!,
      sizeOf(x.shape.slice(axis + 1)), indices.storage.length);
  }
  return makeTensor(out, outShape, x.dtype);
}

/** out [numSegments, ...rest] (zeroed) += x rows by segment id; ids outside the range are dropped. */
export function scatterAdd(rt: Runtime, x: WasmTensor, segmentIds: WasmTensor, numSegments: number): WasmTensor {
  const rest = x.shape.slice(segmentIds.shape.length);
  const inner = sizeOf(rest);
  const out = allocStorage(rt, numSegments * inner);
  const dtype: DType = x.dtype;
  if (out.length > 0) {
    rt.exports.scatter_add(dtype === 'int32' ? 1 : 0, x.storage.ptr, segmentIds.storage.ptr, out.ptr, segmentIds.storage.length, inner, numSegments);
  }
  return makeTensor(out, [numSegments, ...rest], dtype);
}
