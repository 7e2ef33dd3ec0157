import { registerBackend } from '@dlts/core';

/**
 * The backends that ship with dlts, each loaded by dynamic import on first use, so choosing one
 * never loads another's dependencies. Options come from dlts.config.json's "backends" section.
 */
export const BUILTIN_BACKENDS = {
  cpu: async () => (await import('@dlts/backend-cpu')).createCpuBackend(),
  tfjs: async (options: Record<string, unknown>) => (await import('@dlts/backend-tfjs')).createTfjsBackend(options),
} as const;

export function registerBuiltinBackends(): void {
  for (const [name, loader] of Object.entries(BUILTIN_BACKENDS)) registerBackend(name, loader);
}
