/**
 * The backend contract: storage plus one method per kernel.
 *
 * A backend implements this interface and nothing else; ops, autograd, layers and models live in
 * core and are written against it. A missing kernel is a compile error, not a runtime surprise.
 *
 * Conventions every kernel follows (core has already checked shapes and dtypes before calling):
 * - Storage is contiguous row-major. `KernelTensor.storage` is whatever the backend wrote.
 * - Kernels never mutate their inputs and always return freshly allocated storage, even when the
 *   result equals an input (core reference-counts storage; aliasing would double-free).
 * - Elementwise binary kernels broadcast numpy-style; `outShape` is the broadcast shape.
 * - Comparison kernels return 0/1 in the dtype of their inputs.
 * - int32 `div` is floor division (as tfjs and numpy's `//`); float `div` is true division.
 * - Images are NHWC, filters HWIO ([filterHeight, filterWidth, inChannels, outChannels]).
 */

export type DType = 'float32' | 'int32' | 'float64';
export type FloatDType = 'float32' | 'float64';

export type TypedArray = Float32Array | Int32Array | Float64Array;

/** A tensor as a kernel sees it: the backend's own storage plus its metadata. */
export interface KernelTensor<S = unknown> {
  readonly storage: S;
  readonly shape: readonly number[];
  readonly dtype: DType;
}

export interface BackendMemory {
  /** Number of storage buffers the backend currently holds. */
  readonly buffers: number;
  /** Bytes held by those buffers. */
  readonly bytes: number;
}

export type UnaryKernel =
  | 'neg' | 'abs' | 'sign' | 'exp' | 'log' | 'sqrt' | 'square' | 'reciprocal'
  | 'tanh' | 'sigmoid' | 'relu' | 'step';

export type BinaryKernel =
  | 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'maximum' | 'minimum'
  | 'equal' | 'notEqual' | 'less' | 'lessEqual' | 'greater' | 'greaterEqual';

export type ReduceKernel = 'sum' | 'max' | 'min';

export type Padding = 'same' | 'valid';

/**
 * Resolved 2-D convolution / pooling geometry. Core computes it once (see ops/conv_util.ts) and
 * hands it to every conv and pool kernel, so no backend re-derives padding arithmetic.
 */
export interface Conv2DInfo {
  readonly batch: number;
  readonly inHeight: number;
  readonly inWidth: number;
  readonly inChannels: number;
  readonly outHeight: number;
  readonly outWidth: number;
  /** Output channels for conv; equals inChannels for pooling. */
  readonly outChannels: number;
  readonly filterHeight: number;
  readonly filterWidth: number;
  readonly strideHeight: number;
  readonly strideWidth: number;
  readonly dilationHeight: number;
  readonly dilationWidth: number;
  /** Zero padding before the first row / column (after is implied by the output size). */
  readonly padTop: number;
  readonly padLeft: number;
}

export type FusedActivation = 'linear' | 'relu' | 'sigmoid' | 'tanh';

export interface Backend<S = unknown> {
  readonly name: string;
  /** Dtypes this backend can store and compute in; float32 and int32 are mandatory. */
  readonly dtypes: readonly DType[];
  /**
   * True when kernels are only queued when called and run later (WebGL): a kernel call returning
   * says nothing about its cost until a result is read. Absent or false: kernels run on call.
   */
  readonly deferred?: boolean;

  // ---- storage ----
  /** Copies `values` (length = product of shape) into new backend storage. */
  write(values: TypedArray, shape: readonly number[], dtype: DType): KernelTensor<S>;
  read(t: KernelTensor<S>): Promise<TypedArray>;
  readSync(t: KernelTensor<S>): TypedArray;
  /** Frees the storage; called exactly once per storage by core. */
  disposeStorage(t: KernelTensor<S>): void;
  memory(): BackendMemory;
  /** Releases threads, contexts and pools (optional for backends that hold none). */
  shutdown?(): void | Promise<void>;

  // ---- elementwise ----
  unary(op: UnaryKernel, x: KernelTensor<S>): KernelTensor<S>;
  binary(op: BinaryKernel, a: KernelTensor<S>, b: KernelTensor<S>, outShape: readonly number[]): KernelTensor<S>;
  /** cond !== 0 ? a : b, all three broadcast to outShape; result dtype is a's. */
  where(cond: KernelTensor<S>, a: KernelTensor<S>, b: KernelTensor<S>, outShape: readonly number[]): KernelTensor<S>;
  clip(x: KernelTensor<S>, min: number, max: number): KernelTensor<S>;
  /** float -> int32 truncates toward zero (numpy astype). */
  cast(x: KernelTensor<S>, dtype: DType): KernelTensor<S>;
  fill(shape: readonly number[], value: number, dtype: DType): KernelTensor<S>;

  // ---- reductions (axes sorted, unique, non-empty; result shape without them) ----
  reduce(op: ReduceKernel, x: KernelTensor<S>, axes: readonly number[]): KernelTensor<S>;
  /** Index of the first maximum along `axis`; int32, that axis removed. */
  argmax(x: KernelTensor<S>, axis: number): KernelTensor<S>;

  // ---- linear algebra ----
  /**
   * Batched matmul on rank-3 inputs: a [batchA, m, k] (or [batchA, k, m] if transposeA),
   * b [batchB, k, n] (or [batchB, n, k] if transposeB); batchA and batchB equal or one of them 1.
   * Returns [max(batchA, batchB), m, n].
   */
  matmul(a: KernelTensor<S>, b: KernelTensor<S>, transposeA: boolean, transposeB: boolean): KernelTensor<S>;

  // ---- data movement ----
  transpose(x: KernelTensor<S>, perm: readonly number[]): KernelTensor<S>;
  slice(x: KernelTensor<S>, begin: readonly number[], size: readonly number[]): KernelTensor<S>;
  concat(xs: readonly KernelTensor<S>[], axis: number): KernelTensor<S>;
  /** paddings[d] = [before, after] for every dimension d. */
  pad(x: KernelTensor<S>, paddings: readonly (readonly [number, number])[], value: number): KernelTensor<S>;
  /** Gathers slices of x along `axis` at int32 `indices` (indices already range-checked by core). */
  gather(x: KernelTensor<S>, indices: KernelTensor<S>, axis: number): KernelTensor<S>;
  /**
   * Unsorted segment sum: out has shape [numSegments, ...x.shape.slice(segmentIds.rank)];
   * out[segmentIds[i...]] += x[i..., :]. (Gather's gradient along axis 0.)
   */
  scatterAdd(x: KernelTensor<S>, segmentIds: KernelTensor<S>, numSegments: number): KernelTensor<S>;

  // ---- convolution and pooling (NHWC, HWIO) ----
  conv2d(x: KernelTensor<S>, filter: KernelTensor<S>, info: Conv2DInfo): KernelTensor<S>;
  /** dx from dy [batch, outH, outW, outC] and the filter; returns [batch, inH, inW, inC]. */
  conv2dBackpropInput(dy: KernelTensor<S>, filter: KernelTensor<S>, info: Conv2DInfo): KernelTensor<S>;
  /** dFilter from x and dy; returns [filterH, filterW, inC, outC]. */
  conv2dBackpropFilter(x: KernelTensor<S>, dy: KernelTensor<S>, info: Conv2DInfo): KernelTensor<S>;
  /** Padded cells never win (they count as -Infinity). */
  maxPool(x: KernelTensor<S>, info: Conv2DInfo): KernelTensor<S>;
  /** Routes dy to the first maximum of each window (ties: the first in row-major window order). */
  maxPoolBackward(dy: KernelTensor<S>, x: KernelTensor<S>, info: Conv2DInfo): KernelTensor<S>;
  /** Averages over the window cells inside the input (padding excluded from the count). */
  avgPool(x: KernelTensor<S>, info: Conv2DInfo): KernelTensor<S>;
  avgPoolBackward(dy: KernelTensor<S>, info: Conv2DInfo): KernelTensor<S>;

  // ---- normalisation along the last axis (numerically stable: max subtracted) ----
  softmax(x: KernelTensor<S>): KernelTensor<S>;
  logSoftmax(x: KernelTensor<S>): KernelTensor<S>;

  // ---- optional fused kernels; core composes them when absent ----
  /** activation(a @ b + bias) for rank-2 a [m,k], b [k,n] (transposes as matmul), bias [n] or null. */
  fusedMatmul?(
    a: KernelTensor<S>, b: KernelTensor<S>, bias: KernelTensor<S> | null,
    transposeA: boolean, transposeB: boolean, activation: FusedActivation,
  ): KernelTensor<S>;
}

export function isFloatDType(dtype: DType): dtype is FloatDType {
  return dtype === 'float32' || dtype === 'float64';
}

export function bytesPerElement(dtype: DType): number {
  return dtype === 'float64' ? 8 : 4;
}

export function arrayConstructor(dtype: DType): Float32ArrayConstructor | Int32ArrayConstructor | Float64ArrayConstructor {
  switch (dtype) {
    case 'float32': return Float32Array;
    case 'int32': return Int32Array;
    case 'float64': return Float64Array;
  }
}
