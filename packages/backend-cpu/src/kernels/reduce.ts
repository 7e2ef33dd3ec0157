import { sizeOf } from '@dlts/core';
import type { KernelTensor, ReduceKernel, TypedArray } from '@dlts/core';
import { fromFloat64, makeTensor } from './alloc.js';
import { contiguousStrides, forEachRun } from './strided.js';

/**
 * sum / max / min over the sorted, unique `axes`; the result drops them. The input is walked once
 * in storage order: the output offset has stride 0 along reduced axes, so adjacent reduced axes
 * merge into one run. When the innermost run is reduced (trailing axes, the common case) each run
 * folds into one output; otherwise the run is combined elementwise into a row of outputs.
 * Accumulation is in float64, rounded once to the input dtype.
 */
export function reduce(op: ReduceKernel, x: KernelTensor<TypedArray>, axes: readonly number[]): KernelTensor<TypedArray> {
  const outShape = x.shape.filter((_, d) => !axes.includes(d));
  const acc = new Float64Array(sizeOf(outShape));
  if (op !== 'sum') acc.fill(op === 'max' ? -Infinity : Infinity);
  const kept = contiguousStrides(outShape);
  const outStrides: number[] = [];
  for (let d = 0, k = 0; d < x.shape.length; d++) outStrides.push(axes.includes(d) ? 0 : kept[k++]);
  const X = x.storage;
  // The loops live in top-level functions: loops inside this closure would be re-specialised (and
  // deoptimised) per closure instance and per branch taken.
  forEachRun(x.shape, [contiguousStrides(x.shape), outStrides], (offsets, n, inner) => {
    if (inner[1] === 0) acc[offsets[1]] = foldRun(op, acc[offsets[1]], X, offsets[0], n);
    else combineRun(op, acc, offsets[1], X, offsets[0], n);
  });
  return makeTensor(fromFloat64(acc, x.dtype), outShape, x.dtype);
}

/** Folds X[xi .. xi+n) into `start`. */
function foldRun(op: ReduceKernel, start: number, X: TypedArray, xi: number, n: number): number {
  let m = start;
  const end = xi + n;
  switch (op) {
    case 'sum': {
      let s = 0;
      for (let i = xi; i < end; i++) s += X[i];
      return m + s;
    }
    case 'max': for (let i = xi; i < end; i++) m = Math.max(m, X[i]); return m;
    case 'min': for (let i = xi; i < end; i++) m = Math.min(m, X[i]); return m;
    default: {
      const unknown: never = op;
      throw new Error(`cpu reduce: unknown op ${String(unknown)}`);
    }
  }
}

/** acc[oi + i] = op(acc[oi + i], X[xi + i]) for i < n. */
function combineRun(op: ReduceKernel, acc: Float64Array, oi: number, X: TypedArray, xi: number, n: number): void {
  switch (op) {
    case 'sum': for (let i = 0; i < n; i++) acc[oi + i] += X[xi + i]; return;
    case 'max': for (let i = 0; i < n; i++) acc[oi + i] = Math.max(acc[oi + i], X[xi + i]); return;
    case 'min': for (let i = 0; i < n; i++) acc[oi + i] = Math.min(acc[oi + i], X[xi + i]); return;
    default: {
      const unknown: never = op;
      throw new Error(`cpu reduce: unknown op ${String(unknown)}`);
    }
  }
}
