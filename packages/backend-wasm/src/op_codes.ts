import type { BinaryKernel, FusedActivation, ReduceKernel, UnaryKernel } from '@dlts/core';

/**
 * The numeric op codes of the kernels module. Same names and order as the enums in
 * assembly/op_codes.ts: change both together.
 */

export const UNARY_CODES: Record<UnaryKernel, number> = {
  neg: 0, abs: 1, sign: 2, exp: 3, log: 4, sqrt: 5, square: 6, reciprocal: 7, tanh: 8, sigmoid: 9, relu: 10, step: 11,
};

export const BINARY_CODES: Record<BinaryKernel, number> = {
  add: 0, sub: 1, mul: 2, div: 3, pow: 4, maximum: 5, minimum: 6,
  equal: 7, notEqual: 8, less: 9, lessEqual: 10, greater: 11, greaterEqual: 12,
};

export const REDUCE_CODES: Record<ReduceKernel, number> = { sum: 0, max: 1, min: 2 };

export const ACTIVATION_CODES: Record<FusedActivation, number> = { linear: 0, relu: 1, sigmoid: 2, tanh: 3 };

/** Work that run_job splits across threads (assembly/op_codes.ts `Job`). */
export const JOB_CODES = { gemm: 1, convForward: 2, convBackpropInput: 3, convBackpropFilter: 4, packB: 5 } as const;

/** The `kind` argument of the pool export (assembly/pool.ts). */
export const POOL_CODES = { maxPool: 0, avgPool: 1, maxPoolBackward: 2, avgPoolBackward: 3 } as const;
