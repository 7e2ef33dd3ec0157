import type { TypedArray } from '@dlts/core';

/** Row-major strides of a contiguous tensor of `shape`. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d];
  }
  return strides;
}

/** Called once per innermost run: `offsets[o]` is operand o's offset, advancing by `inner[o]`. */
export type RunVisitor = (offsets: readonly number[], length: number, inner: readonly number[]) => void;

/**
 * Walks `shape` in row-major order as runs along its innermost dimension, tracking one element
 * offset per operand from that operand's strides (0 = broadcast). Adjacent dimensions that every
 * operand walks contiguously are merged first, so same-shape and scalar operands become one long
 * run and the per-run callback cost stays out of the element loops.
 */
export function forEachRun(
  shape: readonly number[],
  strides: readonly (readonly number[])[],
  visit: RunVisitor,
  bases?: readonly number[],
): void {
  const operands = strides.length;
  const dims: number[] = [];
  const merged: number[][] = strides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    const n = shape[d];
    if (n === 0) return;
    if (n === 1) continue;
    const last = dims.length - 1;
    let mergeable = last >= 0;
    for (let o = 0; o < operands && mergeable; o++) mergeable = merged[o][last] === strides[o][d] * n;
    if (mergeable) {
      dims[last] *= n;
      for (let o = 0; o < operands; o++) merged[o][last] = strides[o][d];
    } else {
      dims.push(n);
      for (let o = 0; o < operands; o++) merged[o].push(strides[o][d]);
    }
  }
  const offsets = bases ? bases.slice() : new Array<number>(operands).fill(0);
  if (dims.length === 0) {
    visit(offsets, 1, new Array<number>(operands).fill(0));
    return;
  }
  const r = dims.length - 1;
  const length = dims[r];
  const inner = merged.map((s) => s[r]);
  const counter = new Array<number>(r).fill(0);
  for (;;) {
    visit(offsets, length, inner);
    let d = r - 1;
    for (; d >= 0; d--) {
      counter[d]++;
      for (let o = 0; o < operands; o++) offsets[o] += merged[o][d];
      if (counter[d] < dims[d]) break;
      for (let o = 0; o < operands; o++) offsets[o] -= merged[o][d] * dims[d];
      counter[d] = 0;
    }
    if (d < 0) return;
  }
}

/** dst[dOff + i*dStride] = src[sOff + i*sStride] for i < n. */
export function copyRun(
  dst: TypedArray, dOff: number, dStride: number,
  src: TypedArray, sOff: number, sStride: number, n: number,
): void {
  for (let i = 0; i < n; i++, dOff += dStride, sOff += sStride) dst[dOff] = src[sOff];
}
