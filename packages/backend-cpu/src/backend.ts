import type {
  Backend, BackendMemory, BinaryKernel, Conv2DInfo, DType, FusedActivation, KernelTensor, ReduceKernel,
  TypedArray, UnaryKernel,
} from '@dlts/core';
import { BackendError } from '@dlts/core';
import { allocate, makeTensor } from './kernels/alloc.js';
import { argmax } from './kernels/argmax.js';
import { binary } from './kernels/binary.js';
import { cast } from './kernels/cast.js';
import { clip } from './kernels/clip.js';
import { concat } from './kernels/concat.js';
import { conv2d, conv2dBackpropFilter, conv2dBackpropInput } from './kernels/conv2d.js';
import { fill } from './kernels/fill.js';
import { fusedMatmul } from './kernels/fused_matmul.js';
import { gather } from './kernels/gather.js';
import { matmul } from './kernels/matmul.js';
import { pad } from './kernels/pad.js';
import { avgPool, avgPoolBackward, maxPool, maxPoolBackward } from './kernels/pool.js';
import { reduce } from './kernels/reduce.js';
import { scatterAdd } from './kernels/scatter_add.js';
import { slice } from './kernels/slice.js';
import { logSoftmax, softmax } from './kernels/softmax.js';
import { transpose } from './kernels/transpose.js';
import { unary } from './kernels/unary.js';
import { where } from './kernels/where.js';

type T = KernelTensor<TypedArray>;

/**
 * The plain-TypeScript backend: storage is the TypedArray itself. This class only wires kernels to
 * the contract and keeps the live-buffer ledger behind memory(); the kernels live in kernels/.
 */
export class CpuBackend implements Backend<TypedArray> {
  readonly name = 'cpu';
  readonly dtypes: readonly DType[] = ['float32', 'int32', 'float64'];

  private readonly live = new Set<TypedArray>();
  private liveBytes = 0;

  /** Records a kernel's fresh output as live storage. */
  private track(t: T): T {
    this.live.add(t.storage);
    this.liveBytes += t.storage.byteLength;
    return t;
  }

  // ---- storage ----
  write(values: TypedArray, shape: readonly number[], dtype: DType): T {
    const storage = allocate(dtype, values.length);
    storage.set(values);
    return this.track(makeTensor(storage, shape, dtype));
  }

  async read(t: T): Promise<TypedArray> {
    return this.readSync(t);
  }

  /** A copy, so callers may mutate what they get without corrupting the tensor. */
  readSync(t: T): TypedArray {
    if (!this.live.has(t.storage)) throw new BackendError(`cpu backend: readSync of storage that was disposed (shape [${t.shape.join(',')}])`);
    return t.storage.slice();
  }

  disposeStorage(t: T): void {
    if (!this.live.delete(t.storage)) {
      throw new BackendError(`cpu backend: disposeStorage of storage that is not live (already disposed?), shape [${t.shape.join(',')}] ${t.dtype}`);
    }
    this.liveBytes -= t.storage.byteLength;
  }

  memory(): BackendMemory {
    return { buffers: this.live.size, bytes: this.liveBytes };
  }

  // ---- elementwise ----
  unary(op: UnaryKernel, x: T): T { return this.track(unary(op, x)); }
  binary(op: BinaryKernel, a: T, b: T, outShape: readonly number[]): T { return this.track(binary(op, a, b, outShape)); }
  where(cond: T, a: T, b: T, outShape: readonly number[]): T { return this.track(where(cond, a, b, outShape)); }
  clip(x: T, min: number, max: number): T { return this.track(clip(x, min, max)); }
  cast(x: T, dtype: DType): T { return this.track(cast(x, dtype)); }
  fill(shape: readonly number[], value: number, dtype: DType): T { return this.track(fill(shape, value, dtype)); }

  // ---- reductions ----
  reduce(op: ReduceKernel, x: T, axes: readonly number[]): T { return this.track(reduce(op, x, axes)); }
  argmax(x: T, axis: number): T { return this.track(argmax(x, axis)); }

  // ---- linear algebra ----
  matmul(a: T, b: T, transposeA: boolean, transposeB: boolean): T { return this.track(matmul(a, b, transposeA, transposeB)); }
  fusedMatmul(a: T, b: T, bias: T | null, transposeA: boolean, transposeB: boolean, activation: FusedActivation): T {
    return this.track(fusedMatmul(a, b, bias, transposeA, transposeB, activation));
  }

  // ---- data movement ----
  transpose(x: T, perm: readonly number[]): T { return this.track(transpose(x, perm)); }
  slice(x: T, begin: readonly number[], size: readonly number[]): T { return this.track(slice(x, begin, size)); }
  concat(xs: readonly T[], axis: number): T { return this.track(concat(xs, axis)); }
  pad(x: T, paddings: readonly (readonly [number, number])[], value: number): T { return this.track(pad(x, paddings, value)); }
  gather(x: T, indices: T, axis: number): T { return this.track(gather(x, indices, axis)); }
  scatterAdd(x: T, segmentIds: T, numSegments: number): T { return this.track(scatterAdd(x, segmentIds, numSegments)); }

  // ---- convolution and pooling ----
  conv2d(x: T, filter: T, info: Conv2DInfo): T { return this.track(conv2d(x, filter, info)); }
  conv2dBackpropInput(dy: T, filter: T, info: Conv2DInfo): T { return this.track(conv2dBackpropInput(dy, filter, info)); }
  conv2dBackpropFilter(x: T, dy: T, info: Conv2DInfo): T { return this.track(conv2dBackpropFilter(x, dy, info)); }
  maxPool(x: T, info: Conv2DInfo): T { return this.track(maxPool(x, info)); }
  maxPoolBackward(dy: T, x: T, info: Conv2DInfo): T { return this.track(maxPoolBackward(dy, x, info)); }
  avgPool(x: T, info: Conv2DInfo): T { return this.track(avgPool(x, info)); }
  avgPoolBackward(dy: T, info: Conv2DInfo): T { return this.track(avgPoolBackward(dy, info)); }

  // ---- normalisation ----
  softmax(x: T): T { return this.track(softmax(x)); }
  logSoftmax(x: T): T { return this.track(logSoftmax(x)); }
}
