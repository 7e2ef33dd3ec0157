import type { DType, KernelTensor } from '@dlts/core';
import type { Runtime } from './runtime.js';

/**
 * A tensor's storage: `length` 32-bit elements (float32 or int32) at byte address `ptr` of the
 * backend's memory. An empty tensor holds no block (ptr 0). The object's identity is what the
 * backend's ledger tracks.
 */
export interface WasmStorage {
  readonly ptr: number;
  readonly length: number;
}

export type WasmTensor = KernelTensor<WasmStorage>;

export function allocStorage(rt: Runtime, length: number): WasmStorage {
  return { ptr: length === 0 ? 0 : rt.heap.alloc(length * 4), length };
}

export function releaseStorage(rt: Runtime, s: WasmStorage): void {
  if (s.length > 0) rt.heap.release(s.ptr);
}

/** A kernel result (the shape is copied, so callers may reuse theirs). */
export function makeTensor(storage: WasmStorage, shape: readonly number[], dtype: DType): WasmTensor {
  return { storage, shape: shape.slice(), dtype };
}

/** A scratch block for one kernel call, released by the caller in a finally. */
export function withScratch<T>(rt: Runtime, bytes: number, body: (ptr: number) => T): T {
  const ptr = rt.heap.alloc(bytes);
  try {
    return body(ptr);
  } finally {
    rt.heap.release(ptr);
  }
}

/** Runs `body` to fill a fresh output; if it throws (out of memory for its temporaries), the output is released. */
export function filling(rt: Runtime, out: WasmStorage, body: () => void): void {
  try {
    body();
  } catch (e) {
    releaseStorage(rt, out);
    throw e;
  }
}
