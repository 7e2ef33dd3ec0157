import { resolveBackendChoice, setBackend, setBackendOptions, type Backend, type BackendChoice, type ResolveOptions } from '@dlts/core';

export interface ReadyResult {
  backend: Backend;
  choice: BackendChoice;
}

/**
 * Chooses and loads the backend: an explicit `backend` option (or setBackend() later), else a
 * --backend flag in process.argv, else DLTS_BACKEND, else dlts.config.json (nearest upward from
 * the working directory), else cpu. Options under "backends" in the config file reach the loader.
 */
export async function ready(options: { backend?: string } & Omit<ResolveOptions, 'explicit'> = {}): Promise<ReadyResult> {
  const choice = resolveBackendChoice({
    argv: process.argv.slice(2),
    ...options,
    ...(options.backend ? { explicit: options.backend } : {}),
  });
  for (const [name, opts] of Object.entries(choice.config.backends ?? {})) setBackendOptions(name, opts);
  const backend = await setBackend(choice.name);
  return { backend, choice };
}
