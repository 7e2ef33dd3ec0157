import type { DType, TypedArray } from '../backend/contract.js';
import { arrayConstructor } from '../backend/contract.js';
import { findBackend, backendName as currentBackendName } from '../backend/registry.js';
import { engine } from '../engine.js';
import { DTypeError, ShapeError, fmtShape } from '../errors.js';
import { sizeOf } from '../shape_util.js';
import type { NestedArray, Tensor } from '../tensor.js';
import { runOp } from './run.js';

export type TensorValues = NestedArray | TypedArray | readonly number[];

function inferDType(values: TensorValues): DType {
  if (values instanceof Int32Array) return 'int32';
  if (values instanceof Float64Array) return 'float64';
  return 'float32';
}

function inferShape(values: TensorValues): number[] {
  if (typeof values === 'number') return [];
  if (ArrayBuffer.isView(values)) return [values.length];
  const shape: number[] = [];
  let level: unknown = values;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  return shape;
}

function flatten(values: TensorValues, out: number[]): void {
  if (typeof values === 'number') out.push(values);
  else if (ArrayBuffer.isView(values)) for (const v of values) out.push(v);
  else for (const v of values) flatten(v as TensorValues, out);
}

function checkDType(op: string, dtype: DType): void {
  if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'float64') {
    throw new DTypeError(`${op}: unknown dtype '${String(dtype)}' (expected float32, int32 or float64)`);
  }
  const backend = findBackend(currentBackendName());
  if (!backend.dtypes.includes(dtype)) {
    throw new DTypeError(`${op}: backend '${backend.name}' has no ${dtype} (it supports ${backend.dtypes.join(', ')})`);
  }
}

/**
 * A tensor on the current backend from a number, nested arrays or a typed array. The dtype
 * defaults to the typed array's, else float32; values are converted to it.
 */
export function tensor(values: TensorValues, shape?: readonly number[], dtype?: DType): Tensor {
  const dt = dtype ?? inferDType(values);
  checkDType('tensor', dt);
  const inferred = inferShape(values);
  const outShape = shape ?? inferred;
  let flat: TypedArray;
  const Ctor = arrayConstructor(dt);
  if (ArrayBuffer.isView(values)) flat = values instanceof Ctor ? values : Ctor.from(values);
  else {
    const list: number[] = [];
    flatten(values, list);
    if (!shape && list.length !== sizeOf(inferred)) throw new ShapeError('tensor: nested arrays are ragged');
    flat = Ctor.from(list);
  }
  if (outShape.some((d) => !Number.isInteger(d) || d < 0)) throw new ShapeError(`tensor: invalid shape ${fmtShape(outShape)}`);
  if (flat.length !== sizeOf(outShape)) {
    throw new ShapeError(`tensor: ${flat.length} values do not fill shape ${fmtShape(outShape)} (${sizeOf(outShape)} elements)`);
  }
  const name = currentBackendName();
  const backend = findBackend(name);
  return engine.makeTensor(backend.write(flat, outShape, dt), backend, name);
}

export function scalar(value: number, dtype: DType = 'float32'): Tensor {
  return tensor(value, [], dtype);
}

export function fill(shape: readonly number[], value: number, dtype: DType = 'float32'): Tensor {
  checkDType('fill', dtype);
  if (shape.some((d) => !Number.isInteger(d) || d < 0)) throw new ShapeError(`fill: invalid shape ${fmtShape(shape)}`);
  return runOp('fill', [], (b) => b.fill(shape, value, dtype));
}

export function zeros(shape: readonly number[], dtype: DType = 'float32'): Tensor {
  return fill(shape, 0, dtype);
}

export function ones(shape: readonly number[], dtype: DType = 'float32'): Tensor {
  return fill(shape, 1, dtype);
}

/** Like fill, on a named backend (which need not be the current one). */
export function fillOn(backendName: string, shape: readonly number[], value: number, dtype: DType): Tensor {
  return runOp('fill', [], (b) => b.fill(shape, value, dtype), undefined, backendName);
}

/** A tensor of like's shape (and dtype unless given) on like's backend, filled with value. */
export function fillLike(like: Tensor, value: number, dtype: DType = like.dtype): Tensor {
  return fillOn(like.backendName, like.shape, value, dtype);
}

export function zerosLike(t: Tensor): Tensor {
  return fillLike(t, 0);
}

export function onesLike(t: Tensor): Tensor {
  return fillLike(t, 1);
}
