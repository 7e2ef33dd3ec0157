import { BackendError } from '@dlts/core';

/**
 * Where gpu.js runs the kernels: 'gpu' is WebGL (headless-gl in Node, the page's WebGL in a
 * browser); 'cpu' is gpu.js's own CPU mode (the same kernel sources run as JavaScript).
 */
export type GpujsMode = 'gpu' | 'cpu';

export const GPUJS_MODES: readonly GpujsMode[] = ['gpu', 'cpu'];

export interface GpujsBackendOptions {
  /** Default 'gpu'. There is no automatic choice: a mode that cannot start is an error. */
  readonly mode?: GpujsMode;
  /** Most compiled kernels kept (least recently used are destroyed first). Default 256. */
  readonly kernelCacheSize?: number;
}

export interface ResolvedOptions {
  readonly mode: GpujsMode;
  readonly kernelCacheSize: number;
}

const KNOWN = ['mode', 'kernelCacheSize'];

/** Checks options from code or from dlts.config.json's "backends": { "gpujs": {...} } section. */
export function resolveOptions(raw: Readonly<Record<string, unknown>> = {}): ResolvedOptions {
  const unknown = Object.keys(raw).filter((k) => !KNOWN.includes(k));
  if (unknown.length > 0) {
    throw new BackendError(`gpujs backend: unknown option(s) ${unknown.join(', ')}; known options: ${KNOWN.join(', ')}`);
  }
  const mode = raw.mode ?? 'gpu';
  if (typeof mode !== 'string' || !(GPUJS_MODES as readonly string[]).includes(mode)) {
    throw new BackendError(`gpujs backend: mode ${JSON.stringify(mode)} is not one of ${GPUJS_MODES.map((m) => `'${m}'`).join(', ')}`);
  }
  const size = raw.kernelCacheSize ?? 256;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) {
    throw new BackendError(`gpujs backend: kernelCacheSize must be a positive integer, got ${JSON.stringify(size)}`);
  }
  return { mode: mode as GpujsMode, kernelCacheSize: size };
}
