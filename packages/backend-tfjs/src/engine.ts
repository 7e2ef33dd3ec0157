import * as tf from '@tensorflow/tfjs-core';
import { BackendError } from '@dlts/core';

/** The tfjs backends ("engines") dlts can run on. */
export const ENGINE_NAMES = ['wasm', 'cpu'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/** Importing a tfjs backend package registers its kernels and its factory with tfjs-core. */
const REGISTER: Record<EngineName, () => Promise<unknown>> = {
  wasm: () => import('@tensorflow/tfjs-backend-wasm'),
  cpu: () => import('@tensorflow/tfjs-backend-cpu'),
};

/**
 * Loads and initialises a tfjs engine (the wasm one compiles its module here), leaving it active.
 * Idempotent: a second dlts instance on the same engine shares the one tfjs backend.
 */
export async function startEngine(name: EngineName): Promise<void> {
  await REGISTER[name]();
  let ok: boolean;
  try {
    ok = await tf.setBackend(name);
    await tf.ready();
  } catch (e) {
    throw new BackendError(`tfjs backend: engine '${name}' failed to start: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!ok || tf.getBackend() !== name) {
    throw new BackendError(`tfjs backend: engine '${name}' did not initialise (tfjs reports backend '${tf.getBackend()}')`);
  }
}

/**
 * tfjs has one global engine with one active backend, and new tensors (kernel outputs, writes) land
 * on the active one. Several dlts backends on different engines may share the process, so each
 * makes its engine active before running anything. Switching is synchronous once the engine is
 * initialised (startEngine did that); reads and disposals need no switch (tfjs routes them to the
 * backend that holds the data).
 */
export function activateEngine(name: EngineName): void {
  if (tf.getBackend() === name) return;
  void tf.setBackend(name);
  if (tf.getBackend() !== name) {
    throw new BackendError(`tfjs backend: could not switch tfjs to engine '${name}' (active: '${tf.getBackend()}')`);
  }
}

export interface EngineTraits {
  /** The engine stores the array a tensor is created from, and hands out its own array on reads. */
  readonly keepsArrays: boolean;
}

/** Checked by test/storage.test.ts (mutating a written or read array must not change the tensor). */
export const ENGINE_TRAITS: Record<EngineName, EngineTraits> = {
  // tfjs-backend-wasm copies into and out of the WebAssembly heap.
  wasm: { keepsArrays: false },
  cpu: { keepsArrays: true },
};
