import { type WasmBackendOptions, resolveOptions } from './options.js';
import { Runtime } from './runtime.js';
import { WasmBackend } from './backend.js';

export { WasmBackend } from './backend.js';
export type { WasmBackendOptions } from './options.js';
export type { WasmStorage } from './storage.js';
export type { SimdVariant } from './kernel_module.js';
export { relaxedSimdSupported } from './kernel_module.js';

/**
 * A fresh WebAssembly backend: its own shared memory, kernels and (with threads > 1) worker threads.
 * Call shutdown() (or dlts's shutdownBackends()) to stop the workers; a program that does not still
 * exits, as the workers are unref'd.
 */
export async function createWasmBackend(options: WasmBackendOptions | Record<string, unknown> = {}): Promise<WasmBackend> {
  return new WasmBackend(await Runtime.create(resolveOptions(options as Record<string, unknown>)));
}
