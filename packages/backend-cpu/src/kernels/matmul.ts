import type { KernelTensor, TypedArray } from '@dlts/core';
import { allocate, makeTensor } from './alloc.js';
import { gemm, type MatrixView } from './gemm.js';

/**
 * Batched matmul on rank-3 a [batchA, m, k] (or [batchA, k, m] if transposeA) and b [batchB, k, n]
 * (or [batchB, n, k] if transposeB); a batch of 1 broadcasts. Transposes become strides for the
 * packing step of gemm, never copies.
 */
export function matmul(
  a: KernelTensor<TypedArray>, b: KernelTensor<TypedArray>, transposeA: boolean, transposeB: boolean,
): KernelTensor<TypedArray> {
  const [batchA, a1, a2] = a.shape;
  const [batchB, b1, b2] = b.shape;
  const m = transposeA ? a2 : a1;
  const k = transposeA ? a1 : a2;
  const n = transposeB ? b1 : b2;
  const batch = Math.max(batchA, batchB);
  const out = allocate(a.dtype, batch * m * n);
  const aStrides = transposeA ? { rowStride: 1, colStride: m } : { rowStride: k, colStride: 1 };
  const bStrides = transposeB ? { rowStride: 1, colStride: k } : { rowStride: n, colStride: 1 };
  if (batchB === 1 && !transposeA) {
    // Every a batch meets the same b: stack them into one tall [batch*m, k] product.
    gemm(batch * m, n, k, { data: a.storage, offset: 0, ...aStrides }, { data: b.storage, offset: 0, ...bStrides }, out, 0, n);
  } else {
    for (let i = 0; i < batch; i++) {
      const av: MatrixView = { data: a.storage, offset: batchA === 1 ? 0 : i * m * k, ...aStrides };
      const bv: MatrixView = { data: b.storage, offset: batchB === 1 ? 0 : i * k * n, ...bStrides };
      gemm(m, n, k, av, bv, out, i * m * n, n);
    }
  }
  return makeTensor(out, [batch, m, n], a.dtype);
}
