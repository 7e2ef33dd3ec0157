import type { Runtime } from '../runtime.js';
import { allocStorage, makeTensor, type WasmTensor } from '../storage.js';

/** softmax (log = false) or logSoftmax along the last axis, max subtracted (assembly/softmax.ts). */
export function softmax(rt: Runtime, x: WasmTensor, log: boolean): WasmTensor {
  const n = x.shape.length === 0 ? 1 : x.shape[x.shape.length - 1]!;
  const out = allocStorage(rt, x.storage.length);
  if (out.length > 0) rt.exports.softmax(log ? 1 : 0, x.storage.ptr, out.ptr, out.length / n, n);
  return makeTensor(out, x.shape, x.dtype);
}
