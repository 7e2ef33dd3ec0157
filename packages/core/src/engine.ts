import type { Backend, DType, KernelTensor } from './backend/contract.js';
import { findBackend, backendName as currentBackendName } from './backend/registry.js';
import { BackendError } from './errors.js';
import { Tensor, Variable, type DataRef } from './tensor.js';

/** A recorded op: how to turn the gradient of its output into gradients of its inputs. */
export interface TapeNode {
  readonly name: string;
  readonly inputs: readonly Tensor[];
  readonly output: Tensor;
  /**
   * Returns one gradient (or null: not differentiable there, or not needed) per input. `needs[k]`
   * says whether input k leads to a variable being differentiated: a backward may skip the others
   * (the input gradient of a first layer, whose input is data, is never used).
   */
  readonly backward: (dy: Tensor, needs: readonly boolean[]) => (Tensor | null)[];
}

export interface MemoryInfo {
  /** Live dlts tensors on the backend (including variables). */
  numTensors: number;
  /** Storage buffers the backend holds (reshapes share one). */
  numBuffers: number;
  /** Bytes the backend holds. */
  numBytes: number;
}

/**
 * Process-wide bookkeeping: tidy scopes, live-tensor counts per backend, the gradient tape and
 * the set of variables. Backends are looked up in the registry.
 */
class Engine {
  private scopes: Set<Tensor>[] = [];
  private live = new Map<string, number>();
  /** Active tapes (nested grads record into the innermost). */
  private tapes: TapeNode[][] = [];
  /** Tensors the active tapes refer to: a tidy inside grads() must not free them. */
  private taped = new Set<Tensor>();
  private recordingPaused = 0;
  readonly variables = new Set<Variable>();

  get recording(): boolean {
    return this.tapes.length > 0 && this.recordingPaused === 0;
  }

  /** Wraps kernel output in a Tensor tracked by the current scope. */
  makeTensor(kt: KernelTensor, backend: Backend, backendName: string): Tensor {
    const ref: DataRef = { kernelTensor: kt, backend, backendName, refCount: 1 };
    const t = new Tensor(ref, kt.shape, kt.dtype);
    this.track(t);
    return t;
  }

  /** A new tensor viewing `source`'s storage with another shape (reshape is metadata). */
  makeView(source: Tensor, shape: readonly number[]): Tensor {
    source.assertLive('reshape');
    source.ref.refCount++;
    const t = new Tensor(source.ref, shape, source.dtype);
    this.track(t);
    return t;
  }

  makeVariable(initial: Tensor, trainable: boolean, name: string): Variable {
    const v = new Variable(initial, trainable, name);
    this.addLive(v.backendName, 1);
    this.variables.add(v);
    return v;
  }

  private track(t: Tensor): void {
    this.addLive(t.backendName, 1);
    this.scopes[this.scopes.length - 1]?.add(t);
  }

  private addLive(name: string, delta: number): void {
    this.live.set(name, (this.live.get(name) ?? 0) + delta);
  }

  /** Called by Tensor.dispose(). */
  releaseTensor(t: Tensor): void {
    this.addLive(t.backendName, -1);
    if (t instanceof Variable) this.variables.delete(t);
    for (const scope of this.scopes) scope.delete(t);
    this.releaseRef(t.ref);
  }

  releaseRef(ref: DataRef): void {
    if (--ref.refCount === 0) ref.backend.disposeStorage(ref.kernelTensor);
  }

  memory(name: string = currentBackendName()): MemoryInfo {
    const m = findBackend(name).memory();
    return { numTensors: this.live.get(name) ?? 0, numBuffers: m.buffers, numBytes: m.bytes };
  }

  // ---- scopes ----

  tidy<T>(fn: () => T): T {
    const scope = new Set<Tensor>();
    this.scopes.push(scope);
    let result: T;
    try {
      result = fn();
    } catch (e) {
      this.scopes.pop();
      for (const t of scope) if (!t.kept) t.dispose();
      throw e;
    }
    this.scopes.pop();
    if (result instanceof Promise) throw new BackendError('tidy: the function must be synchronous (it returned a Promise)');
    const keepers = new Set<Tensor>();
    collectTensors(result, keepers);
    const parent = this.scopes[this.scopes.length - 1];
    for (const t of scope) {
      // Tensors a recording tape needs for backward move up instead (grads() frees them at its end).
      if (keepers.has(t) || this.taped.has(t)) parent?.add(t);
      else if (!t.kept) t.dispose();
    }
    return result;
  }

  keep<T extends Tensor>(t: T): T {
    t.kept = true;
    for (const scope of this.scopes) scope.delete(t);
    return t;
  }

  // ---- tape ----

  startTape(): void {
    this.tapes.push([]);
  }

  endTape(): TapeNode[] {
    const tape = this.tapes.pop();
    if (!tape) throw new Error('endTape without startTape');
    if (this.tapes.length === 0) this.taped.clear();
    return tape;
  }

  record(node: TapeNode): void {
    this.tapes[this.tapes.length - 1]!.push(node);
    for (const t of node.inputs) this.taped.add(t);
    this.taped.add(node.output);
  }

  /** Runs fn without recording (used while running backward closures). */
  withoutRecording<T>(fn: () => T): T {
    this.recordingPaused++;
    try {
      return fn();
    } finally {
      this.recordingPaused--;
    }
  }
}

function collectTensors(value: unknown, out: Set<Tensor>): void {
  if (value instanceof Tensor) out.add(value);
  else if (Array.isArray(value)) for (const v of value) collectTensors(v, out);
  else if (value instanceof Map) for (const v of value.values()) collectTensors(v, out);
  else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const v of Object.values(value)) collectTensors(v, out);
  }
}

export const engine = new Engine();

/**
 * Runs fn, then disposes every tensor it created except those it returns (in an array, object or
 * Map) and those passed to keep(). fn must be synchronous.
 */
export function tidy<T>(fn: () => T): T {
  return engine.tidy(fn);
}

/** Exempts a tensor from disposal by the enclosing tidy scopes. */
export function keep<T extends Tensor>(t: T): T {
  return engine.keep(t);
}

export function dispose(t: Tensor | readonly Tensor[] | Record<string, Tensor>): void {
  const all = new Set<Tensor>();
  collectTensors(t, all);
  for (const x of all) x.dispose();
}

/** Live tensors and bytes on a backend (the current one by default). */
export function memory(backendName?: string): MemoryInfo {
  return engine.memory(backendName);
}

export type { DType };
