import type { Backend, BackendOptions } from '@dlts/core';
import type * as tf from '@tensorflow/tfjs-core';
import { TfjsBackend } from './backend.js';
import { startEngine } from './engine.js';
import { planKernels } from './kernel_plan.js';
import { parseTfjsOptions, type TfjsBackendOptions } from './options.js';

/**
 * A dlts backend on TensorFlow.js. `options.engine` picks the tfjs backend: 'wasm' (default) or
 * 'cpu'. Starts the engine, finds the kernels it lacks and plans their fills (failing here, naming
 * them, if one cannot be filled).
 */
export async function createTfjsBackend(options: BackendOptions | TfjsBackendOptions = {}): Promise<Backend<tf.Tensor>> {
  const { engine } = parseTfjsOptions(options);
  await startEngine(engine);
  return new TfjsBackend(engine, planKernels(engine));
}
