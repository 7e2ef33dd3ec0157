import type { FusedActivation } from '@dlts/core';
import { ACTIVATION_CODES, JOB_CODES } from '../op_codes.js';
import type { Runtime } from '../runtime.js';
import { allocStorage, filling, makeTensor, type WasmTensor } from '../storage.js';

/**
 * Runs one GemmJob (assembly/jobs.ts; fields after its header: batch, m, n, k, a, aBatch, ars, acs,
 * b, bBatch, brs, bcs, c, packed, packedBatch, bias, activation). When the product is split across
 * threads, B is first packed once for all of them (a PACK_B job, itself split across the threads)
 * into a block that lives for the call.
 */
function gemmJob(
  rt: Runtime, batch: number, m: number, n: number, k: number,
  a: WasmTensor, aBatch: number, transposeA: boolean, b: WasmTensor, bBatch: number, transposeB: boolean,
  c: number, bias: number, activation: number,
): void {
  // Transposes are strides: A (m x k) stored [k, m] has row stride 1, column stride m.
  const [ars, acs] = transposeA ? [1, m] : [k, 1];
  const [brs, bcs] = transposeB ? [1, k] : [n, 1];
  const threads = rt.threadsFor(batch * m * n * k);
  const shared = threads > 1 && m > 1 && n > 1 && k > 0;
  const packedBatch = shared ? rt.exports.packedSize(k, n) : 0;
  const packed = shared ? rt.heap.alloc(packedBatch * 4 * (bBatch === 0 ? 1 : batch)) : 0;
  try {
    const fields = [batch, m, n, k, a.storage.ptr, aBatch, ars, acs, b.storage.ptr, bBatch, brs, bcs, c, packed, packedBatch, bias, activation];
    if (shared) {
      rt.writeJob(JOB_CODES.packB, fields);
      rt.runJob(threads);
    }
    rt.writeJob(JOB_CODES.gemm, fields);
    rt.runJob(threads);
  } finally {
    if (shared) rt.heap.release(packed);
  }
}

/**
 * Batched matmul on rank-3 a [batchA, m, k] (or [batchA, k, m] if transposeA) and b [batchB, k, n]
 * (or [batchB, n, k] if transposeB); a batch of 1 broadcasts. When every a batch meets the same b
 * and a is not transposed, the batches are one tall [batch*m, k] product (B is packed once).
 */
export function matmul(rt: Runtime, a: WasmTensor, b: WasmTensor, transposeA: boolean, transposeB: boolean): WasmTensor {
  const [batchA, a1, a2] = a.shape as [number, number, number];
  const [batchB, b1, b2] = b.shape as [number, number, number];
  const m = transposeA ? a2 : a1;
  const k = transposeA ? a1 : a2;
  const n = transposeB ? b1 : b2;
  const batch = Math.max(batchA, batchB);
  const out = allocStorage(rt, batch * m * n);
  if (out.length > 0) {
    filling(rt, out, () => {
      if (batchB === 1 && !transposeA) {
        gemmJob(rt, 1, batch * m, n, k, a, 0, false, b, 0, transposeB, out.ptr, 0, ACTIVATION_CODES.linear);
      } else {
        gemmJob(rt, batch, m, n, k, a, batchA === 1 ? 0 : m * k, transposeA, b, batchB === 1 ? 0 : k * n, transposeB, out.ptr, 0, ACTIVATION_CODES.linear);
      }
    });
  }
  return makeTensor(out, [batch, m, n], a.dtype);
}

/** activation(a @ b + bias) for rank-2 a and b; bias and activation are applied by each thread to its rows. */
export function fusedMatmul(
  rt: Runtime, a: WasmTensor, b: WasmTensor, bias: WasmTensor | null,
  transposeA: boolean, transposeB: boolean, activation: FusedActivation,
): WasmTensor {
  const [a0, a1] = a.shape as [number, number];
  const [b0, b1] = b.shape as [number, number];
  const m = transposeA ? a1 : a0;
  const k = transposeA ? a0 : a1;
  const n = transposeB ? b0 : b1;
  const out = allocStorage(rt, m * n);
  if (out.length > 0) {
    const biasPtr = bias && bias.storage.length > 0 ? bias.storage.ptr : 0;
    filling(rt, out, () => gemmJob(rt, 1, m, n, k, a, 0, transposeA, b, 0, transposeB, out.ptr, biasPtr, ACTIVATION_CODES[activation]));
  }
  return makeTensor(out, [m, n], a.dtype);
}
