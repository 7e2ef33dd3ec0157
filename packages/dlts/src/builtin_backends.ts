import { registerBackend } from '@dlts/core';

/**
 * The backends that ship with dlts, each loaded by dynamic import on first use, so choosing one
 * never loads another's dependencies. Later backends (wasm, gpujs, tfjs) are added here.
 */
export const BUILTIN_BACKENDS = {
  cpu: async () => (await import('@dlts/backend-cpu')).createCpuBackend(),
} as const;

export function registerBuiltinBackends(): void {
  for (const [name, loader] of Object.entries(BUILTIN_BACKENDS)) registerBackend(name, loader);
}
