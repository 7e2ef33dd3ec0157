import type { DType } from '../backend/contract.js';
import { isFloatDType } from '../backend/contract.js';
import { findBackend } from '../backend/registry.js';
import { DTypeError } from '../errors.js';
import { broadcastShapes } from '../shape_util.js';
import type { Tensor } from '../tensor.js';
import { sumToShape } from './broadcast_grad.js';
import { zerosLike } from './creation.js';
import { mul } from './binary.js';
import { greaterEqual, lessEqual } from './compare.js';
import { runOp } from './run.js';

/** cond != 0 ? a : b, with numpy broadcasting of all three. cond may have any dtype. */
export function where(cond: Tensor, a: Tensor, b: Tensor): Tensor {
  if (a.dtype !== b.dtype) throw new DTypeError(`where: dtypes ${a.dtype} and ${b.dtype} differ; cast one first`);
  const outShape = broadcastShapes('where', broadcastShapes('where', cond.shape, a.shape), b.shape);
  return runOp('where', [cond, a, b], (be, [c, x, y]) => be.where(c!, x!, y!, outShape), (dy) => {
    const zero = zerosLike(dy);
    return [null, sumToShape(where(cond, dy, zero), a.shape), sumToShape(where(cond, zero, dy), b.shape)];
  });
}

/** Limits values to [min, max]; the gradient passes where min <= x <= max. */
export function clip(x: Tensor, min: number, max: number): Tensor {
  if (!(min <= max)) throw new DTypeError(`clip: min ${min} must not exceed max ${max}`);
  return runOp('clip', [x], (be, [v]) => be.clip(v!, min, max), (dy) => [mul(dy, mul(greaterEqual(x, min), lessEqual(x, max)))]);
}

/** Converts to `dtype`; float -> int32 truncates toward zero. */
export function cast(x: Tensor, dtype: DType): Tensor {
  const backend = findBackend(x.backendName);
  if (!backend.dtypes.includes(dtype)) {
    throw new DTypeError(`cast: backend '${backend.name}' has no ${dtype} (it supports ${backend.dtypes.join(', ')})`);
  }
  return runOp('cast', [x], (be, [v]) => be.cast(v!, dtype), (dy) => [
    isFloatDType(x.dtype) && isFloatDType(dtype) ? cast(dy, x.dtype) : null,
  ]);
}
