import type {
  Backend, BackendMemory, BinaryKernel, Conv2DInfo, DType, FusedActivation, ReduceKernel, TypedArray, UnaryKernel,
} from '@dlts/core';
import { BackendError, arrayConstructor } from '@dlts/core';
import { argmax } from './kernels/argmax.js';
import { binary } from './kernels/binary.js';
import { cast } from './kernels/cast.js';
import { clip } from './kernels/clip.js';
import { concat } from './kernels/concat.js';
import { conv2d, conv2dBackpropFilter, conv2dBackpropInput } from './kernels/conv2d.js';
import { fill } from './kernels/fill.js';
import { gather } from './kernels/gather.js';
import { fusedMatmul, matmul } from './kernels/matmul.js';
import { pad } from './kernels/pad.js';
import { avgPool, avgPoolBackward, maxPool, maxPoolBackward } from './kernels/pool.js';
import { reduce } from './kernels/reduce.js';
import { scatterAdd } from './kernels/scatter_add.js';
import { slice } from './kernels/slice.js';
import { logSoftmax, softmax } from './kernels/softmax.js';
import { transpose } from './kernels/transpose.js';
import { unary } from './kernels/unary.js';
import { where } from './kernels/where.js';
import type { GpujsMode } from './options.js';
import type { GpuRuntime } from './runtime.js';
import { FLOAT32_EXACT_INT, type GpujsStorage, type T } from './storage.js';

/** What is actually running, for tests and logs (never what was merely asked for). */
export interface GpujsInfo {
  readonly mode: GpujsMode;
  /** gpu.js's kernel type: 'headlessgl' (Node), 'webgl' (a page) or 'cpu'. */
  readonly gpujsMode: string;
  /** Class of the kernels gpu.js built; every compiled kernel was checked to be one. */
  readonly kernelClass: string;
  /** The WebGL VERSION string in 'gpu' mode, null in 'cpu' mode. */
  readonly webgl: string | null;
  readonly kernels: { compiled: number; cached: number; evicted: number; capacity: number };
}

/**
 * The gpu.js backend: storage is a gpu.js texture (WebGL) or Float32Array (cpu mode), kernels are
 * generated gpu.js sources (kernels/), compiled per shape and cached by the runtime. Results stay
 * on the GPU until read. This class keeps the live-buffer ledger behind memory() and wires the
 * contract to the kernels.
 */
export class GpujsBackend implements Backend<GpujsStorage> {
  readonly dtypes: readonly DType[] = ['float32', 'int32'];
  private readonly live = new Set<GpujsStorage>();
  private liveBytes = 0;

  constructor(readonly name: string, private readonly rt: GpuRuntime) {}

  /** WebGL queues draw calls: a kernel has run only once its result (or a later one) is read. */
  get deferred(): boolean {
    return this.rt.started.mode === 'gpu';
  }

  info(): GpujsInfo {
    const { mode, gpujsMode, kernelClass, gpu } = this.rt.started;
    const gl = (gpu as unknown as { context?: WebGLRenderingContext | null }).context;
    return {
      mode,
      gpujsMode,
      kernelClass: kernelClass.name,
      webgl: mode === 'gpu' && gl ? String(gl.getParameter(gl.VERSION)) : null,
      kernels: this.rt.cacheStats(),
    };
  }

  private track(s: GpujsStorage, shape: readonly number[], dtype: DType): T {
    this.live.add(s);
    this.liveBytes += this.rt.bytes(s);
    return { storage: s, shape, dtype };
  }

  private assertLive(t: T, what: string): void {
    if (!this.live.has(t.storage)) {
      throw new BackendError(`${this.name} backend: ${what} of storage that is not live (disposed?), shape [${t.shape.join(',')}] ${t.dtype}`);
    }
  }

  // ---- storage ----
  write(values: TypedArray, shape: readonly number[], dtype: DType): T {
    if (dtype === 'float64') throw new BackendError(`${this.name} backend: float64 is not supported (dtypes: ${this.dtypes.join(', ')})`);
    if (dtype === 'int32') {
      for (let i = 0; i < values.length; i++) {
        if (Math.abs(values[i]!) > FLOAT32_EXACT_INT) {
          return this.track({ value: null, length: values.length, host: Int32Array.from(values) }, shape, dtype);
        }
      }
    }
    return this.track(this.rt.upload(Float32Array.from(values)), shape, dtype);
  }

  async read(t: T): Promise<TypedArray> {
    return this.readSync(t);
  }

  readSync(t: T): TypedArray {
    this.assertLive(t, 'readSync');
    if (t.storage.host) return t.storage.host.slice();
    const values = this.rt.download(t.storage);
    return t.dtype === 'float32' ? values : arrayConstructor(t.dtype).from(values);
  }

  disposeStorage(t: T): void {
    this.assertLive(t, 'disposeStorage');
    this.live.delete(t.storage);
    this.liveBytes -= this.rt.bytes(t.storage);
    this.rt.release(t.storage);
  }

  memory(): BackendMemory {
    return { buffers: this.live.size, bytes: this.liveBytes };
  }

  async shutdown(): Promise<void> {
    for (const s of this.live) this.rt.release(s);
    this.live.clear();
    this.liveBytes = 0;
    await this.rt.shutdown();
  }

  // ---- elementwise ----
  unary(op: UnaryKernel, x: T): T { return this.track(unary(this.rt, op, x), x.shape, x.dtype); }
  binary(op: BinaryKernel, a: T, b: T, outShape: readonly number[]): T { return this.track(binary(this.rt, op, a, b, outShape), outShape, a.dtype); }
  where(cond: T, a: T, b: T, outShape: readonly number[]): T { return this.track(where(this.rt, cond, a, b, outShape), outShape, a.dtype); }
  clip(x: T, min: number, max: number): T { return this.track(clip(this.rt, x, min, max), x.shape, x.dtype); }
  cast(x: T, dtype: DType): T { return this.track(cast(this.rt, x, dtype), x.shape, dtype); }
  fill(shape: readonly number[], value: number, dtype: DType): T { return this.track(fill(this.rt, shape, value, dtype), shape, dtype); }

  // ---- reductions ----
  reduce(op: ReduceKernel, x: T, axes: readonly number[]): T {
    return this.track(reduce(this.rt, op, x, axes), x.shape.filter((_, k) => !axes.includes(k)), x.dtype);
  }
  argmax(x: T, axis: number): T { return this.track(argmax(this.rt, x, axis), x.shape.filter((_, k) => k !== axis), 'int32'); }

  // ---- linear algebra ----
  matmul(a: T, b: T, transposeA: boolean, transposeB: boolean): T {
    const shape = [Math.max(a.shape[0]!, b.shape[0]!), a.shape[transposeA ? 2 : 1]!, b.shape[transposeB ? 1 : 2]!];
    return this.track(matmul(this.rt, a, b, transposeA, transposeB), shape, a.dtype);
  }
  fusedMatmul(a: T, b: T, bias: T | null, transposeA: boolean, transposeB: boolean, activation: FusedActivation): T {
    const shape = [a.shape[transposeA ? 1 : 0]!, b.shape[transposeB ? 0 : 1]!];
    return this.track(fusedMatmul(this.rt, a, b, bias, transposeA, transposeB, activation), shape, a.dtype);
  }

  // ---- data movement ----
  transpose(x: T, perm: readonly number[]): T { return this.track(transpose(this.rt, x, perm), perm.map((p) => x.shape[p]!), x.dtype); }
  slice(x: T, begin: readonly number[], size: readonly number[]): T { return this.track(slice(this.rt, x, begin, size), size, x.dtype); }
  concat(xs: readonly T[], axis: number): T {
    const shape = xs[0]!.shape.map((d, k) => (k === axis ? xs.reduce((n, x) => n + x.shape[axis]!, 0) : d));
    return this.track(concat(this.rt, xs, axis), shape, xs[0]!.dtype);
  }
  pad(x: T, paddings: readonly (readonly [number, number])[], value: number): T {
    return this.track(pad(this.rt, x, paddings, value), x.shape.map((d, k) => d + paddings[k]![0] + paddings[k]![1]), x.dtype);
  }
  gather(x: T, indices: T, axis: number): T {
    const shape = [...x.shape.slice(0, axis), ...indices.shape, ...x.shape.slice(axis + 1)];
    return this.track(gather(this.rt, x, indices, axis), shape, x.dtype);
  }
  scatterAdd(x: T, segmentIds: T, numSegments: number): T {
    return this.track(scatterAdd(this.rt, x, segmentIds, numSegments), [numSegments, ...x.shape.slice(segmentIds.shape.length)], x.dtype);
  }

  // ---- convolution and pooling ----
  conv2d(x: T, filter: T, info: Conv2DInfo): T { return this.track(conv2d(this.rt, x, filter, info), outImage(info), x.dtype); }
  conv2dBackpropInput(dy: T, filter: T, info: Conv2DInfo): T { return this.track(conv2dBackpropInput(this.rt, dy, filter, info), inImage(info), dy.dtype); }
  conv2dBackpropFilter(x: T, dy: T, info: Conv2DInfo): T {
    return this.track(conv2dBackpropFilter(this.rt, x, dy, info), [info.filterHeight, info.filterWidth, info.inChannels, info.outChannels], x.dtype);
  }
  maxPool(x: T, info: Conv2DInfo): T { return this.track(maxPool(this.rt, x, info), outImage(info), x.dtype); }
  maxPoolBackward(dy: T, x: T, info: Conv2DInfo): T { return this.track(maxPoolBackward(this.rt, dy, x, info), inImage(info), dy.dtype); }
  avgPool(x: T, info: Conv2DInfo): T { return this.track(avgPool(this.rt, x, info), outImage(info), x.dtype); }
  avgPoolBackward(dy: T, info: Conv2DInfo): T { return this.track(avgPoolBackward(this.rt, dy, info), inImage(info), dy.dtype); }

  // ---- normalisation ----
  softmax(x: T): T { return this.track(softmax(this.rt, x), x.shape, x.dtype); }
  logSoftmax(x: T): T { return this.track(logSoftmax(this.rt, x), x.shape, x.dtype); }
}

function outImage(g: Conv2DInfo): number[] {
  return [g.batch, g.outHeight, g.outWidth, g.outChannels];
}

function inImage(g: Conv2DInfo): number[] {
  return [g.batch, g.inHeight, g.inWidth, g.inChannels];
}
