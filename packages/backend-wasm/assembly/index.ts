/**
 * The kernels module: everything the TypeScript side calls. It imports one shared memory
 * (env.memory) and allocates nothing itself: every buffer, scratch area and parameter block is a
 * pointer the caller hands in, so the same instance code runs on every worker thread.
 */
export { unary_f32, unary_i32 } from './unary';
export { binary } from './binary';
export { where, clip_f32, clip_i32 } from './select';
export { cast_f32_i32, cast_i32_f32, fill32 } from './cast_fill';
export { reduce, reduce_init, argmax } from './reduce';
export { copy_strided, transpose2d, gather, scatter_add } from './movement';
export { softmax } from './softmax';
export { scratch_bytes, packedSize } from './gemm';
export { bias_act } from './dense_epilogue';
export { conv_prepare, conv_finish, backprop_filter_slots } from './conv';
export { pool } from './pool';
export { run_job } from './jobs';

/** First byte after the module's static data: the TypeScript heap starts at or after it. */
export function heap_base(): usize {
  return __heap_base;
}
