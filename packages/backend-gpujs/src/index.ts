import type { BackendOptions } from '@dlts/core';
import { GpujsBackend } from './backend.js';
import { type GpujsBackendOptions, resolveOptions } from './options.js';
import { GpuRuntime } from './runtime.js';
import { startGpu } from './start.js';

export { GpujsBackend, type GpujsInfo } from './backend.js';
export { GPUJS_MODES, type GpujsBackendOptions, type GpujsMode } from './options.js';
export { XVFB_RUN } from './start.js';

/**
 * A gpu.js backend in the mode the options ask for ('gpu' by default: WebGL). Rejects with one
 * error naming the cause and the fix when that mode cannot run here; it never falls back to
 * another mode. `name` is the backend's name in messages.
 */
export async function createGpujsBackend(options: GpujsBackendOptions | BackendOptions = {}, name = 'gpujs'): Promise<GpujsBackend> {
  const resolved = resolveOptions(options as Record<string, unknown>);
  const started = await startGpu(resolved.mode);
  const runtime = new GpuRuntime(started, resolved.kernelCacheSize, name);
  try {
    runtime.probe();
  } catch (e) {
    await runtime.shutdown();
    throw e;
  }
  return new GpujsBackend(name, runtime);
}
