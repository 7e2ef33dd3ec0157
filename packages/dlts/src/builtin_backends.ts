import { registerBackend, type BackendOptions } from '@dlts/core';

/**
 * The backends that ship with dlts, each loaded by dynamic import on first use, so choosing one
 * never loads another's dependencies. Options come from dlts.config.json's "backends" section.
 */
export const BUILTIN_BACKENDS = {
  cpu: async () => (await import('@dlts/backend-cpu')).createCpuBackend(),
  wasm: async (options: BackendOptions) => (await import('@dlts/backend-wasm')).createWasmBackend(options),
  tfjs: async (options: BackendOptions) => (await import('@dlts/backend-tfjs')).createTfjsBackend(options),
  gpujs: async (options: BackendOptions) => (await import('@dlts/backend-gpujs')).createGpujsBackend(options, 'gpujs'),
  // gpu.js's own CPU mode, registered under its own name so it is never mistaken for the GPU.
  'gpujs-cpu': async (options: BackendOptions) => (await import('@dlts/backend-gpujs')).createGpujsBackend({ ...options, mode: 'cpu' }, 'gpujs-cpu'),
} as const;

export function registerBuiltinBackends(): void {
  for (const [name, loader] of Object.entries(BUILTIN_BACKENDS)) registerBackend(name, loader);
}
