import { sizeOf } from '@dlts/core';
import type { Conv2DInfo } from '@dlts/core';
import { POOL_CODES } from '../op_codes.js';
import type { Runtime } from '../runtime.js';
import { allocStorage, filling, makeTensor, withScratch, type WasmTensor } from '../storage.js';
import { writeConvJob } from './conv_job.js';

type PoolKind = keyof typeof POOL_CODES;

/**
 * Runs one pooling kernel (assembly/pool.ts) into a fresh output of `outShape`. It reads only the
 * geometry fields of the job block (no job is run, so op and pointers stay 0).
 */
function pool(rt: Runtime, kind: PoolKind, info: Conv2DInfo, x: number, dy: number, outShape: number[], dtype: WasmTensor['dtype']): WasmTensor {
  const out = allocStorage(rt, sizeOf(outShape));
  if (out.length > 0) {
    filling(rt, out, () => withScratch(rt, info.filterHeight * info.filterWidth * 4, (cells) => {
      writeConvJob(rt, 0, info, { needed: false, padH: info.inHeight, padW: info.inWidth }, {
        padded: 0, input: 0, second: 0, out: 0, packed: 0, taps: 0, extra: 0,
      });
      rt.exports.pool(POOL_CODES[kind], rt.job, x, dy, out.ptr, cells);
    }));
  }
  return makeTensor(out, outShape, dtype);
}

const outputShape = (info: Conv2DInfo) => [info.batch, info.outHeight, info.outWidth, info.inChannels];
const inputShape = (info: Conv2DInfo) => [info.batch, info.inHeight, info.inWidth, info.inChannels];

export const maxPool = (rt: Runtime, x: WasmTensor, info: Conv2DInfo) =>
  pool(rt, 'maxPool', info, x.storage.ptr, 0, outputShape(info), x.dtype);
export const avgPool = (rt: Runtime, x: WasmTensor, info: Conv2DInfo) =>
  pool(rt, 'avgPool', info, x.storage.ptr, 0, outputShape(info), x.dtype);
export const maxPoolBackward = (rt: Runtime, dy: WasmTensor, x: WasmTensor, info: Conv2DInfo) =>
  pool(rt, 'maxPoolBackward', info, x.storage.ptr, dy.storage.ptr, inputShape(info), dy.dtype);
export const avgPoolBackward = (rt: Runtime, dy: WasmTensor, info: Conv2DInfo) =>
  pool(rt, 'avgPoolBackward', info, 0, dy.storage.ptr, inputShape(info), dy.dtype);
