import { sizeOf } from '@dlts/core';
import type { BinaryKernel, KernelTensor, TypedArray } from '@dlts/core';
import { allocate, makeTensor } from './alloc.js';
import { broadcastStrides } from './broadcast.js';
import { contiguousStrides, forEachRun } from './strided.js';

/** Elementwise binary op with numpy broadcasting to `outShape`; the result has a's dtype. */
export function binary(
  op: BinaryKernel, a: KernelTensor<TypedArray>, b: KernelTensor<TypedArray>, outShape: readonly number[],
): KernelTensor<TypedArray> {
  const out = allocate(a.dtype, sizeOf(outShape));
  const isInt = a.dtype === 'int32';
  const A = a.storage;
  const B = b.storage;
  const n = out.length;
  // Fast paths: equal sizes mean equal shapes (up to leading 1s) once core has broadcast them.
  if (A.length === n && B.length === n) binaryRun(op, isInt, out, 0, A, 0, 1, B, 0, 1, n);
  else if (A.length === n && B.length === 1) binaryRun(op, isInt, out, 0, A, 0, 1, B, 0, 0, n);
  else if (A.length === 1 && B.length === n) binaryRun(op, isInt, out, 0, A, 0, 0, B, 0, 1, n);
  else {
    const strides = [contiguousStrides(outShape), broadcastStrides(a.shape, outShape), broadcastStrides(b.shape, outShape)];
    forEachRun(outShape, strides, (o, len, inner) =>
      binaryRun(op, isInt, out, o[0], A, o[1], inner[1], B, o[2], inner[2], len));
  }
  return makeTensor(out, outShape, a.dtype);
}

/**
 * out[o + i] = op(A[ai + i*as], B[bi + i*bs]) for i < n; one loop per op keeps the body monomorphic.
 * Comparisons store +(a < b) rather than branching: on random data a branch mispredicts half the time.
 */
function binaryRun(
  op: BinaryKernel, isInt: boolean, out: TypedArray, o: number,
  A: TypedArray, ai: number, as: number, B: TypedArray, bi: number, bs: number, n: number,
): void {
  const end = o + n;
  switch (op) {
    case 'add': for (; o < end; o++, ai += as, bi += bs) out[o] = A[ai] + B[bi]; return;
    case 'sub': for (; o < end; o++, ai += as, bi += bs) out[o] = A[ai] - B[bi]; return;
    case 'mul':
      // int32 products wrap like C; a double product would lose the low bits past 2^53.
      if (isInt) for (; o < end; o++, ai += as, bi += bs) out[o] = Math.imul(A[ai], B[bi]);
      else for (; o < end; o++, ai += as, bi += bs) out[o] = A[ai] * B[bi];
      return;
    case 'div':
      // int32 division floors (numpy //); x // 0 stores 0 once the infinity is cast.
      if (isInt) for (; o < end; o++, ai += as, bi += bs) out[o] = Math.floor(A[ai] / B[bi]);
      else for (; o < end; o++, ai += as, bi += bs) out[o] = A[ai] / B[bi];
      return;
    case 'pow': for (; o < end; o++, ai += as, bi += bs) out[o] = Math.pow(A[ai], B[bi]); return;
    case 'maximum': for (; o < end; o++, ai += as, bi += bs) out[o] = Math.max(A[ai], B[bi]); return;
    case 'minimum': for (; o < end; o++, ai += as, bi += bs) out[o] = Math.min(A[ai], B[bi]); return;
    case 'equal': for (; o < end; o++, ai += as, bi += bs) out[o] = +(A[ai] === B[bi]); return;
    case 'notEqual': for (; o < end; o++, ai += as, bi += bs) out[o] = +(A[ai] !== B[bi]); return;
    case 'less': for (; o < end; o++, ai += as, bi += bs) out[o] = +(A[ai] < B[bi]); return;
    case 'lessEqual': for (; o < end; o++, ai += as, bi += bs) out[o] = +(A[ai] <= B[bi]); return;
    case 'greater': for (; o < end; o++, ai += as, bi += bs) out[o] = +(A[ai] > B[bi]); return;
    case 'greaterEqual': for (; o < end; o++, ai += as, bi += bs) out[o] = +(A[ai] >= B[bi]); return;
    default: {
      const unknown: never = op;
      throw new Error(`cpu binary: unknown op ${String(unknown)}`);
    }
  }
}
