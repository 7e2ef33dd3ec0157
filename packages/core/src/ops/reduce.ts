import type { ReduceKernel } from '../backend/contract.js';
import { isFloatDType } from '../backend/contract.js';
import { fmtShape, ShapeError } from '../errors.js';
import { normalizeAxes, normalizeAxis, sizeOf } from '../shape_util.js';
import type { Tensor } from '../tensor.js';
import { div, mul } from './binary.js';
import { equal } from './compare.js';
import { fillLike } from './creation.js';
import { runOp, composed } from './run.js';
import { cast } from './select.js';
import { reshape, reshapeOwned } from './shape.js';

/** Shape with the reduced axes kept as 1. */
function keptShape(shape: readonly number[], axes: readonly number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}

function reduceOp(op: ReduceKernel, x: Tensor, axis: number | readonly number[] | undefined, keepDims: boolean): Tensor {
  const axes = normalizeAxes(op, axis, x.rank);
  if ((op === 'max' || op === 'min') && axes.some((a) => x.shape[a] === 0)) {
    throw new ShapeError(`${op}: cannot reduce an empty axis of ${fmtShape(x.shape)}`);
  }
  const kept = keptShape(x.shape, axes);
  const outShape = x.shape.filter((_, i) => !axes.includes(i));
  // Nothing to reduce: a view, so the result is still a distinct tensor.
  if (axes.length === 0) return reshape(x, keepDims ? kept : outShape);
  const y = runOp(op, [x], (be, [v]) => be.reduce(op, v!, axes), (dy, out) => {
    const dyKept = reshape(dy, kept);
    if (op === 'sum') return [mul(dyKept, fillLike(x, 1))];
    // max/min: the gradient is shared equally among the positions that attain the extreme.
    const mask = equal(x, reshape(out, kept));
    const count = reduceOp('sum', mask, axes, true);
    return [div(mul(mask, dyKept), count)];
  });
  return keepDims ? reshapeOwned(y, kept) : y;
}

export const sum = (x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor => reduceOp('sum', x, axis, keepDims);
export const max = (x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor => reduceOp('max', x, axis, keepDims);
export const min = (x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor => reduceOp('min', x, axis, keepDims);

/** Arithmetic mean; int32 input is averaged in float32. */
export function mean(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  const axes = normalizeAxes('mean', axis, x.rank);
  const count = sizeOf(axes.map((a) => x.shape[a]!));
  return composed(() => {
    const xf = isFloatDType(x.dtype) ? x : cast(x, 'float32');
    return div(sum(xf, axes, keepDims), count);
  });
}

/** Index of the first maximum along `axis` (int32; the axis is removed). */
export function argmax(x: Tensor, axis = -1): Tensor {
  const a = normalizeAxis('argmax', axis, x.rank);
  if (x.shape[a] === 0) throw new ShapeError(`argmax: axis ${a} of ${fmtShape(x.shape)} is empty`);
  return runOp('argmax', [x], (be, [v]) => be.argmax(v!, a));
}
