import { ShapeError } from '@dlts/core';
import { fmtShape, type DataArray, type Storage } from './data_array.js';

const EPS = 2 ** -52;

export interface ColumnMoments {
  readonly mean: Float64Array;
  /** Population variance (ddof 0). */
  readonly variance: Float64Array;
}

/** [rows, columns] of a 2-D array, or a ShapeError naming `op`. */
export function matrixDims(op: string, x: DataArray<Storage>): [number, number] {
  if (x.shape.length !== 2) throw new ShapeError(`${op}: expected a 2-D [samples, features] array, got shape ${fmtShape(x.shape)}`);
  return [x.shape[0]!, x.shape[1]!];
}

/**
 * numpy's `x.mean(axis=0)` and `x.var(axis=0)` (two passes; a reduction over axis 0 of a C-ordered
 * array adds rows in order, so these loops give numpy's bits). The book's Ch05 standardises with these.
 */
export function numpyColumnMoments(x: DataArray<Storage>): ColumnMoments {
  const [n, f] = matrixDims('numpyColumnMoments', x);
  const mean = new Float64Array(f);
  const variance = new Float64Array(f);
  const d = x.data;
  for (let i = 0; i < n; i++) for (let j = 0; j < f; j++) mean[j]! += d[i * f + j]!;
  for (let j = 0; j < f; j++) mean[j]! /= n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < f; j++) {
      const c = d[i * f + j]! - mean[j]!;
      variance[j]! += c * c;
    }
  }
  for (let j = 0; j < f; j++) variance[j]! /= n;
  return { mean, variance };
}

/**
 * scikit-learn's `_incremental_mean_and_var` for one batch, which StandardScaler.fit uses: the
 * corrected two-pass variance `(sum((x - T)^2) - sum(x - T)^2 / n) / n` with T = sum(x) / n.
 */
export function sklearnColumnMoments(x: DataArray<Storage>): ColumnMoments {
  const [n, f] = matrixDims('sklearnColumnMoments', x);
  const sum = new Float64Array(f);
  const d = x.data;
  for (let i = 0; i < n; i++) for (let j = 0; j < f; j++) sum[j]! += d[i * f + j]!;
  const mean = new Float64Array(f);
  const correction = new Float64Array(f);
  const squares = new Float64Array(f);
  for (let j = 0; j < f; j++) mean[j] = sum[j]! / n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < f; j++) {
      const t = d[i * f + j]! - mean[j]!;
      correction[j]! += t;
      squares[j]! += t * t;
    }
  }
  const variance = new Float64Array(f);
  for (let j = 0; j < f; j++) variance[j] = (squares[j]! - (correction[j]! * correction[j]!) / n) / n;
  return { mean, variance };
}

/**
 * Standard deviations with scikit-learn's guard for constant columns: a column whose variance is
 * within rounding of zero gets scale 1 (so transforming it gives zeros instead of NaN or huge values).
 */
export function safeScale(moments: ColumnMoments, n: number): Float64Array {
  const { mean, variance } = moments;
  return variance.map((v, j) => {
    // sklearn's _is_constant_feature bound.
    const bound = n * EPS * v + (n * mean[j]! * EPS) ** 2;
    return v <= bound ? 1 : Math.sqrt(v);
  });
}
