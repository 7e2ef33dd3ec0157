import { sizeOf } from '@dlts/core';
import type { BinaryKernel, DType, UnaryKernel } from '@dlts/core';
import { BINARY_CODES, UNARY_CODES } from '../op_codes.js';
import type { Runtime } from '../runtime.js';
import { allocStorage, makeTensor, type WasmTensor } from '../storage.js';
import { broadcastStrides, contiguousStrides, writeWalk } from '../walk.js';

const isInt = (dtype: DType): number => (dtype === 'int32' ? 1 : 0);

export function unary(rt: Runtime, op: UnaryKernel, x: WasmTensor): WasmTensor {
  const n = x.storage.length;
  const out = allocStorage(rt, n);
  if (x.dtype === 'int32') rt.exports.unary_i32(UNARY_CODES[op], x.storage.ptr, out.ptr, n);
  else rt.exports.unary_f32(UNARY_CODES[op], x.storage.ptr, out.ptr, n);
  return makeTensor(out, x.shape, x.dtype);
}

/** a op b broadcast to outShape; the result has a's dtype. */
export function binary(rt: Runtime, op: BinaryKernel, a: WasmTensor, b: WasmTensor, outShape: readonly number[]): WasmTensor {
  const out = allocStorage(rt, sizeOf(outShape));
  const walk = writeWalk(rt, outShape, [contiguousStrides(outShape), broadcastStrides(a.shape, outShape), broadcastStrides(b.shape, outShape)]);
  rt.exports.binary(BINARY_CODES[op], isInt(a.dtype), walk, out.ptr, a.storage.ptr, b.storage.ptr);
  return makeTensor(out, outShape, a.dtype);
}

/** cond != 0 ? a : b, all broadcast to outShape; a's dtype. */
export function where(rt: Runtime, cond: WasmTensor, a: WasmTensor, b: WasmTensor, outShape: readonly number[]): WasmTensor {
  const out = allocStorage(rt, sizeOf(outShape));
  const walk = writeWalk(rt, outShape, [
    contiguousStrides(outShape), broadcastStrides(cond.shape, outShape), broadcastStrides(a.shape, outShape), broadcastStrides(b.shape, outShape),
  ]);
  rt.exports.where(isInt(cond.dtype), walk, out.ptr, cond.storage.ptr, a.storage.ptr, b.storage.ptr);
  return makeTensor(out, outShape, a.dtype);
}

export function clip(rt: Runtime, x: WasmTensor, min: number, max: number): WasmTensor {
  const n = x.storage.length;
  const out = allocStorage(rt, n);
  if (x.dtype === 'int32') rt.exports.clip_i32(x.storage.ptr, out.ptr, n, min, max);
  else rt.exports.clip_f32(x.storage.ptr, out.ptr, n, Math.fround(min), Math.fround(max));
  return makeTensor(out, x.shape, x.dtype);
}

/** float32 -> int32 truncates toward zero; int32 -> float32 rounds to nearest; same dtype copies. */
export function cast(rt: Runtime, x: WasmTensor, dtype: DType): WasmTensor {
  const n = x.storage.length;
  const out = allocStorage(rt, n);
  if (x.dtype === dtype) {
    const at = x.storage.ptr >>> 2;
    rt.heap.u32.copyWithin(out.ptr >>> 2, at, at + n);
  } else if (dtype === 'int32') {
    rt.exports.cast_f32_i32(x.storage.ptr, out.ptr, n);
  } else {
    rt.exports.cast_i32_f32(x.storage.ptr, out.ptr, n);
  }
  return makeTensor(out, x.shape, dtype);
}

const bitsView = new DataView(new ArrayBuffer(4));

/** The 32-bit pattern `value` is stored as in `dtype` (float32 rounding, or ToInt32). */
export function storedBits(value: number, dtype: DType): number {
  if (dtype === 'int32') bitsView.setInt32(0, value | 0, true);
  else bitsView.setFloat32(0, value, true);
  return bitsView.getUint32(0, true);
}

export function fill(rt: Runtime, shape: readonly number[], value: number, dtype: DType): WasmTensor {
  const n = sizeOf(shape);
  const out = allocStorage(rt, n);
  rt.exports.fill32(out.ptr, n, storedBits(value, dtype));
  return makeTensor(out, shape, dtype);
}
