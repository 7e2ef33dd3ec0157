import { BackendError } from '@dlts/core';
import { PARAMS_BYTES, type Runtime } from './runtime.js';

/** Row-major strides (in elements) of a contiguous tensor of `shape`. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d]!;
  }
  return strides;
}

/**
 * Strides that read an operand of `shape` as if it had `outShape` (numpy broadcasting): aligned to
 * the output's rank, 0 on the dimensions the operand lacks or has as 1.
 */
export function broadcastStrides(shape: readonly number[], outShape: readonly number[]): number[] {
  const own = contiguousStrides(shape);
  const offset = outShape.length - shape.length;
  const strides = new Array<number>(outShape.length).fill(0);
  for (let d = 0; d < shape.length; d++) if (shape[d] !== 1) strides[d + offset] = own[d]!;
  return strides;
}

/**
 * Writes the strided walker's parameter block (assembly/walker.ts) for walking `shape` with one
 * stride list per operand, and returns its address. Size-1 dimensions are dropped and adjacent
 * dimensions every operand walks contiguously are merged, so same-shape and scalar operands become
 * one long run; an empty shape walks one element.
 */
export function writeWalk(rt: Runtime, shape: readonly number[], strides: readonly (readonly number[])[]): number {
  const ops = strides.length;
  const dims: number[] = [];
  const merged: number[][] = strides.map(() => []);
  let empty = false;
  for (let d = 0; d < shape.length; d++) {
    const n = shape[d]!;
    if (n === 0) empty = true;
    if (n === 1) continue;
    const last = dims.length - 1;
    let mergeable = last >= 0;
    for (let o = 0; o < ops && mergeable; o++) mergeable = merged[o]![last] === strides[o]![d]! * n;
    if (mergeable) {
      dims[last]! *= n;
      for (let o = 0; o < ops; o++) merged[o]![last] = strides[o]![d]!;
    } else {
      dims.push(n);
      for (let o = 0; o < ops; o++) merged[o]!.push(strides[o]![d]!);
    }
  }
  if (empty) {
    dims.length = 0;
    dims.push(0);
    for (const m of merged) m.splice(0, m.length, 0);
  } else if (dims.length === 0) {
    dims.push(1);
    for (const m of merged) m.push(0);
  }
  const rank = dims.length;
  const words = 2 + rank * (1 + ops) + rank + ops;
  if (words * 4 > PARAMS_BYTES) throw new BackendError(`wasm backend: a rank-${shape.length} walk over ${ops} operands exceeds the parameter block`);
  const i32 = rt.heap.i32;
  let at = rt.params >>> 2;
  i32[at++] = rank;
  i32[at++] = ops;
  for (const n of dims) i32[at++] = n;
  for (const m of merged) for (const s of m) i32[at++] = s;
  return rt.params;
}
