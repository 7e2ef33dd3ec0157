import type { Backend, DType, KernelTensor, TypedArray } from './backend/contract.js';
import { BackendError } from './errors.js';
import { sizeOf } from './shape_util.js';
import { engine } from './engine.js';

/**
 * Backend storage shared by every tensor that views it (reshape is metadata only), freed when
 * the last of them is disposed.
 */
export interface DataRef {
  readonly kernelTensor: KernelTensor;
  readonly backend: Backend;
  readonly backendName: string;
  refCount: number;
}

let nextId = 0;

export type NestedArray = number | NestedArray[];

export class Tensor {
  readonly id = nextId++;
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly size: number;
  /** @internal */ ref: DataRef;
  /** @internal set by keep(): tidy leaves the tensor alone. */ kept = false;
  private disposed = false;

  /** @internal use the ops (tensor(), zeros(), ...) to create tensors. */
  constructor(ref: DataRef, shape: readonly number[], dtype: DType) {
    this.ref = ref;
    this.shape = Object.freeze([...shape]);
    this.dtype = dtype;
    this.size = sizeOf(shape);
  }

  get rank(): number {
    return this.shape.length;
  }

  get backendName(): string {
    return this.ref.backendName;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** @internal the view a kernel receives. */
  kernelView(): KernelTensor {
    this.assertLive('use');
    const kt = this.ref.kernelTensor;
    return kt.shape === this.shape || sameShape(kt.shape, this.shape)
      ? kt
      : { storage: kt.storage, shape: this.shape, dtype: this.dtype };
  }

  dataSync(): TypedArray {
    this.assertLive('dataSync');
    return this.ref.backend.readSync(this.kernelView());
  }

  async data(): Promise<TypedArray> {
    this.assertLive('data');
    return this.ref.backend.read(this.kernelView());
  }

  arraySync(): NestedArray {
    return toNested(this.dataSync(), this.shape);
  }

  async array(): Promise<NestedArray> {
    return toNested(await this.data(), this.shape);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    engine.releaseTensor(this);
  }

  toString(): string {
    return `Tensor(${this.dtype}, [${this.shape.join(',')}], ${this.backendName})`;
  }

  /** @internal */
  assertLive(what: string): void {
    if (this.disposed) throw new BackendError(`${what}: tensor ${this.id} ${this.toString()} is disposed`);
  }
}

/**
 * A mutable, named tensor that lives outside tidy scopes (weights, optimizer state). assign()
 * swaps the storage it points at; kernels never mutate storage, so sharing is safe.
 */
export class Variable extends Tensor {
  readonly name: string;
  trainable: boolean;

  /** @internal use variable(). */
  constructor(initial: Tensor, trainable: boolean, name: string) {
    initial.assertLive('variable');
    initial.ref.refCount++;
    super(initial.ref, initial.shape, initial.dtype);
    this.trainable = trainable;
    this.name = name;
  }

  assign(value: Tensor): void {
    this.assertLive('assign');
    value.assertLive('assign');
    if (value.dtype !== this.dtype || !sameShape(value.shape, this.shape) || value.backendName !== this.backendName) {
      throw new BackendError(
        `assign: variable '${this.name}' is ${this.dtype} [${this.shape.join(',')}] on ${this.backendName}, ` +
          `value is ${value.dtype} [${value.shape.join(',')}] on ${value.backendName}`,
      );
    }
    value.ref.refCount++;
    engine.releaseRef(this.ref);
    this.ref = value.ref;
  }
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function toNested(values: TypedArray, shape: readonly number[]): NestedArray {
  if (shape.length === 0) return values[0]!;
  const build = (offset: number, dim: number): NestedArray[] => {
    const n = shape[dim]!;
    const out: NestedArray[] = new Array(n);
    if (dim === shape.length - 1) {
      for (let i = 0; i < n; i++) out[i] = values[offset + i]!;
      return out;
    }
    const stride = sizeOf(shape.slice(dim + 1));
    for (let i = 0; i < n; i++) out[i] = build(offset + i * stride, dim + 1);
    return out;
  };
  return build(0, 0);
}
