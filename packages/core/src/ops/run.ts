import type { Backend, DType, KernelTensor } from '../backend/contract.js';
import { backendName as currentBackendName, findBackend } from '../backend/registry.js';
import { engine } from '../engine.js';
import { BackendError } from '../errors.js';
import type { Tensor } from '../tensor.js';

/**
 * An op's gradient: given dy (and the op's output), one gradient or null per input. Costly ones
 * compute only the inputs `needs` asks for (see TapeNode.backward).
 */
export type GradFn = (dy: Tensor, out: Tensor, needs: readonly boolean[]) => (Tensor | null)[];

/** The backend every input lives on (the current one when there are none). */
export function backendNameOf(op: string, inputs: readonly Tensor[]): string {
  if (inputs.length === 0) return currentBackendName();
  const name = inputs[0]!.backendName;
  for (const t of inputs) {
    t.assertLive(op);
    if (t.backendName !== name) {
      throw new BackendError(`${op}: tensors live on different backends ('${name}' and '${t.backendName}'); move one first`);
    }
  }
  return name;
}

/**
 * Runs one kernel on the inputs' backend, wraps the result and, while a gradient tape is
 * recording, records `grad` for it. Every op goes through here.
 */
export function runOp(
  op: string,
  inputs: readonly Tensor[],
  kernel: (backend: Backend, views: KernelTensor[]) => KernelTensor,
  grad?: GradFn,
  backendName: string = backendNameOf(op, inputs),
): Tensor {
  const backend = findBackend(backendName);
  const out = engine.makeTensor(kernel(backend, inputs.map((t) => t.kernelView())), backend, backendName);
  if (grad && engine.recording) {
    engine.record({ name: op, inputs, output: out, backward: (dy, needs) => grad(dy, out, needs) });
  }
  return out;
}

/** Writes a scalar of `dtype` on a named backend (used to turn number operands into tensors). */
export function scalarOn(backendName: string, value: number, dtype: DType): Tensor {
  const backend = findBackend(backendName);
  const Ctor = dtype === 'float64' ? Float64Array : dtype === 'int32' ? Int32Array : Float32Array;
  return engine.makeTensor(backend.write(Ctor.of(value), [], dtype), backend, backendName);
}

/**
 * Runs fn in its own tidy scope unless a tape is recording (then intermediates must outlive fn:
 * backward closures read them; grads() disposes them at its end). For ops composed of others.
 */
export function composed<T extends Tensor>(fn: () => T): T {
  return engine.recording ? fn() : engine.tidy(fn);
}
