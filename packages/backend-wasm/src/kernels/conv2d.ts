import type { Conv2DInfo } from '@dlts/core';
import { JOB_CODES } from '../op_codes.js';
import type { Runtime } from '../runtime.js';
import { allocStorage, filling, makeTensor, type WasmTensor } from '../storage.js';
import { borderOf, writeConvJob } from './conv_job.js';

/**
 * conv2d and its two backprops as implicit GEMMs over the image patches (assembly/conv.ts), with
 * M = batch*outH*outW, K = filterH*filterW*inC, N = outC. Temporary blocks (the bordered image, the
 * packed filter, offset tables, per-thread partial sums) live only for the call.
 */

const sizes = (info: Conv2DInfo) => ({
  M: info.batch * info.outHeight * info.outWidth,
  K: info.filterHeight * info.filterWidth * info.inChannels,
  N: info.outChannels,
});

/** Bytes of a [depth x cols] matrix packed as B panels (8 wide, the last possibly 4). */
const packedBytes = (depth: number, cols: number): number => Math.ceil(cols / 8) * 8 * depth * 4;

/** Runs one conv job with temporaries allocated for it and released afterwards. */
function runConv(rt: Runtime, op: number, info: Conv2DInfo, work: number, build: (temp: (bytes: number) => number, threads: number) => {
  padded: number; input: number; second: number; out: number; packed: number; extra: number;
}): void {
  const temps: number[] = [];
  const temp = (bytes: number): number => {
    const ptr = rt.heap.alloc(bytes);
    temps.push(ptr);
    return ptr;
  };
  try {
    const threads = rt.threadsFor(work);
    const { K } = sizes(info);
    const taps = temp(K * 4);
    const p = build(temp, threads);
    writeConvJob(rt, op, info, borderOf(info), { ...p, taps });
    rt.exports.conv_prepare(rt.job, threads);
    rt.runJob(threads);
    rt.exports.conv_finish(rt.job, threads);
  } finally {
    for (const ptr of temps) rt.heap.release(ptr);
  }
}

export function conv2d(rt: Runtime, x: WasmTensor, filter: WasmTensor, info: Conv2DInfo): WasmTensor {
  const { M, K, N } = sizes(info);
  const out = allocStorage(rt, M * N);
  if (out.length > 0) {
    const border = borderOf(info);
    filling(rt, out, () => runConv(rt, JOB_CODES.convForward, info, M * K * N, (temp) => ({
      padded: border.needed ? temp(info.batch * border.padH * border.padW * info.inChannels * 4) : x.storage.ptr,
      input: x.storage.ptr,
      second: filter.storage.ptr,
      out: out.ptr,
      packed: temp(packedBytes(K, N)),
      extra: 0,
    })));
  }
  return makeTensor(out, [info.batch, info.outHeight, info.outWidth, N], x.dtype);
}

/** dx [batch, inH, inW, inC] from dy and the filter; threads split the batch. */
export function conv2dBackpropInput(rt: Runtime, dy: WasmTensor, filter: WasmTensor, info: Conv2DInfo): WasmTensor {
  const { M, K, N } = sizes(info);
  const out = allocStorage(rt, info.batch * info.inHeight * info.inWidth * info.inChannels);
  if (out.length > 0) {
    const border = borderOf(info);
    filling(rt, out, () => runConv(rt, JOB_CODES.convBackpropInput, info, M * K * N, (temp) => ({
      padded: border.needed ? temp(info.batch * border.padH * border.padW * info.inChannels * 4) : out.ptr,
      input: dy.storage.ptr,
      second: filter.storage.ptr,
      out: out.ptr,
      packed: temp(packedBytes(N, K)),
      extra: temp(N * 4),
    })));
  }
  return makeTensor(out, [info.batch, info.inHeight, info.inWidth, info.inChannels], dy.dtype);
}

/** dW [filterH, filterW, inC, outC] from x and dy; threads split the pixels into partial sums. */
export function conv2dBackpropFilter(rt: Runtime, x: WasmTensor, dy: WasmTensor, info: Conv2DInfo): WasmTensor {
  const { M, K, N } = sizes(info);
  const out = allocStorage(rt, K * N);
  if (out.length > 0) {
    const border = borderOf(info);
    filling(rt, out, () => runConv(rt, JOB_CODES.convBackpropFilter, info, M * K * N, (temp, threads) => ({
      padded: border.needed ? temp(info.batch * border.padH * border.padW * info.inChannels * 4) : x.storage.ptr,
      input: x.storage.ptr,
      second: dy.storage.ptr,
      out: out.ptr,
      packed: 0,
      extra: threads > 1 ? temp(rt.exports.backprop_filter_slots(M, threads) * K * N * 4) : 0,
    })));
  }
  return makeTensor(out, [info.filterHeight, info.filterWidth, info.inChannels, N], x.dtype);
}
