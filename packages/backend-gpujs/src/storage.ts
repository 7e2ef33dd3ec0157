import type { KernelTensor } from '@dlts/core';
import type { GlTexture } from './texture_io.js';

/**
 * Tensors hold float32 values on the GPU (a gpu.js texture) or, in cpu mode, in a Float32Array.
 * int32 tensors use the same float32 storage: every integer of magnitude up to 2^24 is exact
 * there, and kernels compute on them with float arithmetic.
 */
export type GpuValue = GlTexture | Float32Array;

export interface GpujsStorage {
  /** The values; null for an empty tensor and for host-only int32 values. */
  readonly value: GpuValue | null;
  readonly length: number;
  /**
   * int32 values that float32 cannot hold exactly (magnitude above 2^24), kept on the host so
   * they read back exactly. No kernel reads them: using such a tensor in an op is an error.
   */
  readonly host: Int32Array | null;
}

/** Largest integer magnitude float32 holds exactly; also the element limit of index arithmetic. */
export const FLOAT32_EXACT_INT = 2 ** 24;

/** A tensor as this backend's kernels see it. */
export type T = KernelTensor<GpujsStorage>;
