import type {
  Backend, BackendMemory, BinaryKernel, Conv2DInfo, DType, FusedActivation, ReduceKernel, TypedArray, UnaryKernel,
} from '@dlts/core';
import { BackendError } from '@dlts/core';
import type { SimdVariant } from './kernel_module.js';
import type { Runtime } from './runtime.js';
import { allocStorage, makeTensor, releaseStorage, type WasmStorage, type WasmTensor as T } from './storage.js';
import { binary, cast, clip, fill, unary, where } from './kernels/elementwise.js';
import { argmax, reduce } from './kernels/reduce.js';
import { matmul, fusedMatmul } from './kernels/matmul.js';
import { concat, gather, pad, scatterAdd, slice, transpose } from './kernels/movement.js';
import { conv2d, conv2dBackpropFilter, conv2dBackpropInput } from './kernels/conv2d.js';
import { avgPool, avgPoolBackward, maxPool, maxPoolBackward } from './kernels/pool.js';
import { softmax } from './kernels/softmax.js';

/**
 * The WebAssembly backend: storage is a block of the runtime's shared memory, kernels are the
 * AssemblyScript exports (src/kernels/ computes their arguments). This class wires kernels to the
 * contract and keeps the live-storage ledger behind memory().
 */
export class WasmBackend implements Backend<WasmStorage> {
  readonly name = 'wasm';
  readonly dtypes: readonly DType[] = ['float32', 'int32'];

  private readonly live = new Set<WasmStorage>();
  private liveBytes = 0;

  constructor(private readonly rt: Runtime) {}

  /** Which kernel build runs: 'relaxed' (fused multiply-add) or 'plain' SIMD. */
  get simd(): SimdVariant {
    return this.rt.variant;
  }

  /** Threads that share large matmuls and convolutions, the calling thread included. */
  get threads(): number {
    return this.rt.threads;
  }

  /** The WebAssembly memory as the allocator sees it: its size, and the bytes and blocks in use (tensors plus the runtime's fixed blocks). */
  heapStats(): { capacity: number; allocated: number; blocks: number } {
    const { capacity, allocated, blocks } = this.rt.heap;
    return { capacity, allocated, blocks };
  }

  private track(t: T): T {
    this.live.add(t.storage);
    this.liveBytes += t.storage.length * 4;
    return t;
  }

  private check(t: T, what: string): void {
    if (!this.live.has(t.storage)) {
      throw new BackendError(`wasm backend: ${what} of storage that is not live (disposed?), shape [${t.shape.join(',')}] ${t.dtype}`);
    }
  }

  private dtypeOf(dtype: DType, what: string): void {
    if (!this.dtypes.includes(dtype)) throw new BackendError(`wasm backend: ${what}: dtype ${dtype} is not supported (dtypes: ${this.dtypes.join(', ')})`);
  }

  // ---- storage ----
  write(values: TypedArray, shape: readonly number[], dtype: DType): T {
    this.dtypeOf(dtype, 'write');
    const s = allocStorage(this.rt, values.length);
    // TypedArray.set converts: rounding to float32, or ToInt32 for int32.
    if (s.length > 0) (dtype === 'int32' ? this.rt.heap.i32 : this.rt.heap.f32).set(values, s.ptr >>> 2);
    return this.track(makeTensor(s, shape, dtype));
  }

  async read(t: T): Promise<TypedArray> {
    return this.readSync(t);
  }

  /** A copy (not a view of the shared memory), so callers may keep and mutate it. */
  readSync(t: T): TypedArray {
    this.check(t, 'readSync');
    const at = t.storage.ptr >>> 2;
    const view = t.dtype === 'int32' ? this.rt.heap.i32 : this.rt.heap.f32;
    return t.storage.length === 0 ? view.slice(0, 0) : view.slice(at, at + t.storage.length);
  }

  disposeStorage(t: T): void {
    this.check(t, 'disposeStorage');
    this.live.delete(t.storage);
    this.liveBytes -= t.storage.length * 4;
    releaseStorage(this.rt, t.storage);
  }

  memory(): BackendMemory {
    return { buffers: this.live.size, bytes: this.liveBytes };
  }

  /** Stops the worker threads (the memory is released with the backend object). */
  async shutdown(): Promise<void> {
    await this.rt.shutdown();
  }

  // ---- elementwise ----
  unary(op: UnaryKernel, x: T): T { return this.track(unary(this.rt, op, x)); }
  binary(op: BinaryKernel, a: T, b: T, outShape: readonly number[]): T { return this.track(binary(this.rt, op, a, b, outShape)); }
  where(cond: T, a: T, b: T, outShape: readonly number[]): T { return this.track(where(this.rt, cond, a, b, outShape)); }
  clip(x: T, min: number, max: number): T { return this.track(clip(this.rt, x, min, max)); }
  cast(x: T, dtype: DType): T {
    this.dtypeOf(dtype, 'cast');
    return this.track(cast(this.rt, x, dtype));
  }
  fill(shape: readonly number[], value: number, dtype: DType): T {
    this.dtypeOf(dtype, 'fill');
    return this.track(fill(this.rt, shape, value, dtype));
  }

  // ---- reductions ----
  reduce(op: ReduceKernel, x: T, axes: readonly number[]): T { return this.track(reduce(this.rt, op, x, axes)); }
  argmax(x: T, axis: number): T { return this.track(argmax(this.rt, x, axis)); }

  // ---- linear algebra ----
  matmul(a: T, b: T, transposeA: boolean, transposeB: boolean): T { return this.track(matmul(this.rt, a, b, transposeA, transposeB)); }
  fusedMatmul(a: T, b: T, bias: T | null, transposeA: boolean, transposeB: boolean, activation: FusedActivation): T {
    return this.track(fusedMatmul(this.rt, a, b, bias, transposeA, transposeB, activation));
  }

  // ---- data movement ----
  transpose(x: T, perm: readonly number[]): T { return this.track(transpose(this.rt, x, perm)); }
  slice(x: T, begin: readonly number[], size: readonly number[]): T { return this.track(slice(this.rt, x, begin, size)); }
  concat(xs: readonly T[], axis: number): T { return this.track(concat(this.rt, xs, axis)); }
  pad(x: T, paddings: readonly (readonly [number, number])[], value: number): T { return this.track(pad(this.rt, x, paddings, value)); }
  gather(x: T, indices: T, axis: number): T { return this.track(gather(this.rt, x, indices, axis)); }
  scatterAdd(x: T, segmentIds: T, numSegments: number): T { return this.track(scatterAdd(this.rt, x, segmentIds, numSegments)); }

  // ---- convolution and pooling ----
  conv2d(x: T, filter: T, info: Conv2DInfo): T { return this.track(conv2d(this.rt, x, filter, info)); }
  conv2dBackpropInput(dy: T, filter: T, info: Conv2DInfo): T { return this.track(conv2dBackpropInput(this.rt, dy, filter, info)); }
  conv2dBackpropFilter(x: T, dy: T, info: Conv2DInfo): T { return this.track(conv2dBackpropFilter(this.rt, x, dy, info)); }
  maxPool(x: T, info: Conv2DInfo): T { return this.track(maxPool(this.rt, x, info)); }
  maxPoolBackward(dy: T, x: T, info: Conv2DInfo): T { return this.track(maxPoolBackward(this.rt, dy, x, info)); }
  avgPool(x: T, info: Conv2DInfo): T { return this.track(avgPool(this.rt, x, info)); }
  avgPoolBackward(dy: T, info: Conv2DInfo): T { return this.track(avgPoolBackward(this.rt, dy, info)); }

  // ---- normalisation ----
  softmax(x: T): T { return this.track(softmax(this.rt, x, false)); }
  logSoftmax(x: T): T { return this.track(softmax(this.rt, x, true)); }
}
