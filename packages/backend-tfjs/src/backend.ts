import * as tf from '@tensorflow/tfjs-core';
import type {
  Backend, BackendMemory, BinaryKernel, Conv2DInfo, DType, FusedActivation, KernelTensor, ReduceKernel,
  TypedArray, UnaryKernel,
} from '@dlts/core';
import { BackendError } from '@dlts/core';
import { activateEngine, ENGINE_TRAITS, type EngineName } from './engine.js';
import { conv2dBackpropFilterByConv } from './fills/conv2d_backprop_filter.js';
import { maxPoolBackwardByScatter } from './fills/max_pool_backward.js';
import { scatterAddByScatterNd } from './fills/scatter_add.js';
import type { KernelPlan } from './kernel_plan.js';
import { conv2d, conv2dBackpropFilterNative, conv2dBackpropInput } from './kernels/conv.js';
import { binary, clip, unary, where } from './kernels/elementwise.js';
import { fusedMatmul, matmul } from './kernels/matmul.js';
import { avgPool, avgPoolBackward, maxPool, maxPoolBackwardNative } from './kernels/pool.js';
import { rowsAndIds, scatterAddNative } from './kernels/scatter_add.js';

type T = KernelTensor<tf.Tensor>;

const REDUCE: Record<ReduceKernel, (x: tf.Tensor, axes: number[]) => tf.Tensor> = {
  sum: (x, axes) => tf.sum(x, axes), max: (x, axes) => tf.max(x, axes), min: (x, axes) => tf.min(x, axes),
};

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Whether the tfjs storage already has the kernel tensor's shape. */
function isDirect(t: T): boolean {
  return sameShape(t.storage.shape, t.shape);
}

/**
 * The tfjs storage as the kernel tensor's shape. Core's reshape is a view (same storage, other
 * shape), so the two may differ; tf.reshape shares the data. Call inside a kernel's tf.tidy.
 */
function view(t: T): tf.Tensor {
  return isDirect(t) ? t.storage : tf.reshape(t.storage, [...t.shape]);
}

/**
 * A matmul operand usable without a reshape, or null. Core hands rank-3 [batch, r, c] views; a
 * rank-2 storage viewed as [1, r, c] goes in as it is (BatchMatMul takes rank 2 and broadcasts),
 * which saves a reshape on every 2-D product.
 */
function directMatmulOperand(t: T): tf.Tensor | null {
  const s = t.storage;
  if (isDirect(t)) return s;
  return s.rank === 2 && t.shape[0] === 1 && s.shape[0] === t.shape[1] && s.shape[1] === t.shape[2] ? s : null;
}

/**
 * A dlts backend on TensorFlow.js: storage is a tf.Tensor and every kernel runs tfjs kernels on
 * one tfjs engine (wasm or cpu), through tfjs ops or, where needed, a composition of them (the
 * plan's fills). Each kernel runs in tf.tidy, so tfjs intermediates never outlive it. The class
 * keeps a ledger of the tensors it handed out: tfjs's own counters (tf.memory()) are global to
 * all engines and instances, and memory() must be exact per instance.
 */
export class TfjsBackend implements Backend<tf.Tensor> {
  readonly name: string;
  readonly dtypes: readonly DType[] = ['float32', 'int32'];

  private readonly live = new Set<tf.Tensor>();
  private liveBytes = 0;
  private readonly fillFilter: boolean;
  private readonly fillScatter: boolean;
  private readonly fillMaxPoolGrad: boolean;

  constructor(readonly engine: EngineName, readonly plan: KernelPlan) {
    this.name = `tfjs-${engine}`;
    this.fillFilter = plan.fills.has('Conv2DBackpropFilter');
    this.fillScatter = plan.fills.has('UnsortedSegmentSum');
    this.fillMaxPoolGrad = plan.fills.has('MaxPoolGrad');
  }

  /**
   * Runs a kernel body on this instance's engine inside tf.tidy and records its output. `scoped`
   * false skips the tidy scope (most of the adapter's own cost per call) for bodies that run one
   * tfjs op on storages as they are, which leaves nothing to free.
   */
  private run(kernel: string, body: () => tf.Tensor, shape?: readonly number[], scoped = true): T {
    activateEngine(this.engine);
    const out = scoped ? tf.tidy(body) : body();
    if (this.live.has(out)) throw new BackendError(`${this.name} ${kernel}: the kernel returned an input's storage`);
    if (out.dtype !== 'float32' && out.dtype !== 'int32') {
      out.dispose();
      throw new BackendError(`${this.name} ${kernel}: tfjs returned dtype ${out.dtype}, expected float32 or int32`);
    }
    return this.track(out, shape ?? out.shape);
  }

  private track(out: tf.Tensor, shape: readonly number[]): T {
    this.live.add(out);
    this.liveBytes += out.size * 4;
    return { storage: out, shape, dtype: out.dtype as DType };
  }

  private assertLive(op: string, t: T): void {
    if (!this.live.has(t.storage)) {
      throw new BackendError(`${this.name}: ${op} of storage that is not live (disposed, or from another backend), shape [${t.shape.join(',')}] ${t.dtype}`);
    }
  }

  // ---- storage ----
  write(values: TypedArray, shape: readonly number[], dtype: DType): T {
    if (dtype !== 'float32' && dtype !== 'int32') throw new BackendError(`${this.name}: no ${dtype} storage (dtypes: ${this.dtypes.join(', ')})`);
    activateEngine(this.engine);
    const Ctor = dtype === 'float32' ? Float32Array : Int32Array;
    const typed = values instanceof Ctor ? values : Ctor.from(values);
    // tfjs-backend-cpu keeps the very array it is given; the contract says write copies.
    const data = ENGINE_TRAITS[this.engine].keepsArrays && typed === values ? typed.slice() : typed;
    return this.track(tf.tensor(data, [...shape], dtype), shape);
  }

  async read(t: T): Promise<TypedArray> {
    this.assertLive('read', t);
    return this.owned(await t.storage.data(), t.dtype);
  }

  readSync(t: T): TypedArray {
    this.assertLive('readSync', t);
    return this.owned(t.storage.dataSync(), t.dtype);
  }

  /**
   * A copy of the data the caller may mutate (tfjs-backend-cpu hands out its own array), in the
   * dtype's array type: tfjs-backend-cpu casts bool to int32 or float32 by relabelling, keeping
   * the Uint8Array (comparisons are such casts).
   */
  private owned(data: tf.TypedArray, dtype: DType): TypedArray {
    const Ctor = dtype === 'float32' ? Float32Array : Int32Array;
    if (!(data instanceof Ctor)) return Ctor.from(data);
    return ENGINE_TRAITS[this.engine].keepsArrays ? data.slice() : data;
  }

  disposeStorage(t: T): void {
    if (!this.live.delete(t.storage)) {
      throw new BackendError(`${this.name}: disposeStorage of storage that is not live (already disposed?), shape [${t.shape.join(',')}] ${t.dtype}`);
    }
    this.liveBytes -= t.storage.size * 4;
    t.storage.dispose();
  }

  memory(): BackendMemory {
    return { buffers: this.live.size, bytes: this.liveBytes };
  }

  // ---- elementwise ----
  unary(op: UnaryKernel, x: T): T { return this.run(op, () => unary(op, view(x))); }
  binary(op: BinaryKernel, a: T, b: T, outShape: readonly number[]): T {
    return this.run(op, () => binary(op, view(a), view(b), a.dtype), outShape);
  }
  where(cond: T, a: T, b: T, outShape: readonly number[]): T {
    return this.run('where', () => where(view(cond), view(a), view(b)), outShape);
  }
  clip(x: T, min: number, max: number): T { return this.run('clip', () => clip(view(x), min, max)); }
  cast(x: T, dtype: DType): T { return this.run('cast', () => tf.cast(view(x), dtype as 'float32' | 'int32')); }
  fill(shape: readonly number[], value: number, dtype: DType): T {
    return this.run('fill', () => tf.fill([...shape], value, dtype as 'float32' | 'int32'), shape);
  }

  // ---- reductions ----
  reduce(op: ReduceKernel, x: T, axes: readonly number[]): T { return this.run(op, () => REDUCE[op](view(x), [...axes])); }
  argmax(x: T, axis: number): T { return this.run('argmax', () => tf.argMax(view(x), axis)); }

  // ---- linear algebra ----
  matmul(a: T, b: T, transposeA: boolean, transposeB: boolean): T {
    const m = transposeA ? a.shape[2]! : a.shape[1]!;
    const n = transposeB ? b.shape[1]! : b.shape[2]!;
    const shape = [Math.max(a.shape[0]!, b.shape[0]!), m, n];
    const [x, y] = [directMatmulOperand(a), directMatmulOperand(b)];
    if (x && y) return this.run('matmul', () => matmul(x, y, transposeA, transposeB), shape, false);
    return this.run('matmul', () => matmul(x ?? view(a), y ?? view(b), transposeA, transposeB), shape);
  }
  fusedMatmul(a: T, b: T, bias: T | null, transposeA: boolean, transposeB: boolean, activation: FusedActivation): T {
    return this.run('fusedMatmul', () => fusedMatmul(view(a), view(b), bias && view(bias), transposeA, transposeB, activation));
  }

  // ---- data movement ----
  transpose(x: T, perm: readonly number[]): T { return this.run('transpose', () => tf.transpose(view(x), [...perm])); }
  slice(x: T, begin: readonly number[], size: readonly number[]): T {
    return this.run('slice', () => tf.slice(view(x), [...begin], [...size]));
  }
  concat(xs: readonly T[], axis: number): T { return this.run('concat', () => tf.concat(xs.map(view), axis)); }
  pad(x: T, paddings: readonly (readonly [number, number])[], value: number): T {
    // tf.pad rejects rank 0, where padding is the identity.
    return this.run('pad', () => (x.shape.length === 0 ? tf.clone(view(x)) : tf.pad(view(x), paddings.map(([a, b]) => [a, b]), value)));
  }
  gather(x: T, indices: T, axis: number): T { return this.run('gather', () => tf.gather(view(x), view(indices), axis)); }
  scatterAdd(x: T, segmentIds: T, numSegments: number): T {
    return this.run('scatterAdd', () => {
      const [rows, ids] = rowsAndIds(view(x), x.shape, view(segmentIds), segmentIds.shape);
      return this.fillScatter ? scatterAddByScatterNd(rows, ids, numSegments) : scatterAddNative(rows, ids, numSegments);
    });
  }

  // ---- convolution and pooling ----
  conv2d(x: T, filter: T, info: Conv2DInfo): T {
    const scoped = !isDirect(x) || !isDirect(filter);
    return this.run('conv2d', () => conv2d(view(x), view(filter), info), undefined, scoped);
  }
  conv2dBackpropInput(dy: T, filter: T, info: Conv2DInfo): T {
    return this.run('conv2dBackpropInput', () => conv2dBackpropInput(view(dy), view(filter), info));
  }
  conv2dBackpropFilter(x: T, dy: T, info: Conv2DInfo): T {
    // tfjs's Conv2DBackpropFilter has no dilations, so dilated convolutions take the fill on every engine.
    const byConv = this.fillFilter || info.dilationHeight > 1 || info.dilationWidth > 1;
    return this.run('conv2dBackpropFilter', () =>
      (byConv ? conv2dBackpropFilterByConv : conv2dBackpropFilterNative)(view(x), view(dy), info));
  }
  maxPool(x: T, info: Conv2DInfo): T { return this.run('maxPool', () => maxPool(view(x), info)); }
  maxPoolBackward(dy: T, x: T, info: Conv2DInfo): T {
    return this.run('maxPoolBackward', () =>
      (this.fillMaxPoolGrad ? maxPoolBackwardByScatter : maxPoolBackwardNative)(view(dy), view(x), info));
  }
  avgPool(x: T, info: Conv2DInfo): T { return this.run('avgPool', () => avgPool(view(x), info)); }
  avgPoolBackward(dy: T, info: Conv2DInfo): T { return this.run('avgPoolBackward', () => avgPoolBackward(view(dy), info)); }

  // ---- normalisation ----
  softmax(x: T): T { return this.run('softmax', () => tf.softmax(view(x))); }
  logSoftmax(x: T): T { return this.run('logSoftmax', () => tf.logSoftmax(view(x))); }
}
