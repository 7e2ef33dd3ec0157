import { type NDArray, sizeOf, unravel, ravel } from './ndarray.js';

export type ReduceName = 'sum' | 'max' | 'min' | 'mean';

/** Normalises `axis` as core's ops take it: undefined = all, negatives count from the end. */
export function normaliseAxes(rank: number, axis?: number | readonly number[]): number[] {
  if (axis === undefined) return [...Array(rank).keys()];
  const list = typeof axis === 'number' ? [axis] : axis;
  return [...new Set(list.map((a) => (a < 0 ? a + rank : a)))].sort((p, q) => p - q);
}

/** Reduces `axes` by visiting every input element once and folding it into its output cell. */
export function reduce(op: ReduceName, x: NDArray, axis?: number | readonly number[], keepDims = false): NDArray {
  const axes = normaliseAxes(x.shape.length, axis);
  const keptShape = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const n = sizeOf(keptShape);
  const init = op === 'max' ? -Infinity : op === 'min' ? Infinity : 0;
  const data = new Float64Array(n).fill(init);
  for (let i = 0; i < x.data.length; i++) {
    const idx = unravel(i, x.shape).map((v, d) => (axes.includes(d) ? 0 : v));
    const o = ravel(idx, keptShape);
    const v = x.data[i]!;
    data[o] = op === 'max' ? Math.max(data[o]!, v) : op === 'min' ? Math.min(data[o]!, v) : data[o]! + v;
  }
  if (op === 'mean') {
    const count = x.data.length / n;
    for (let o = 0; o < n; o++) data[o]! /= count;
  }
  const shape = keepDims ? keptShape : x.shape.filter((_, i) => !axes.includes(i));
  return { shape, data };
}

/** Index of the first maximum along `axis` (that axis removed). */
export function argmax(x: NDArray, axis: number): NDArray {
  const ax = axis < 0 ? axis + x.shape.length : axis;
  const shape = x.shape.filter((_, i) => i !== ax);
  const best = new Float64Array(sizeOf(shape)).fill(-Infinity);
  const data = new Float64Array(sizeOf(shape)).fill(-1);
  for (let i = 0; i < x.data.length; i++) {
    const idx = unravel(i, x.shape);
    const o = ravel(idx.filter((_, d) => d !== ax), shape);
    // Strictly greater keeps the first of equal maxima, since positions are visited in order.
    if (x.data[i]! > best[o]! || data[o] === -1) {
      best[o] = x.data[i]!;
      data[o] = idx[ax]!;
    }
  }
  return { shape, data };
}
