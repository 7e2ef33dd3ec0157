import type { BackendOptions } from '@dlts/core';
import { BackendError } from '@dlts/core';
import { ENGINE_NAMES, type EngineName } from './engine.js';

/** Options of the tfjs backend: its section `"backends": { "tfjs": { ... } }` of dlts.config.json. */
export interface TfjsBackendOptions {
  /** The tfjs backend the kernels run on: 'wasm' (default; XNNPACK, SIMD) or 'cpu' (plain JS). */
  readonly engine?: EngineName;
}

const KNOWN_OPTIONS = ['engine'];

/** Validates the options: an unknown key or engine is an error, never silently ignored. */
export function parseTfjsOptions(options: BackendOptions | TfjsBackendOptions = {}): { engine: EngineName } {
  const unknown = Object.keys(options).filter((k) => !KNOWN_OPTIONS.includes(k));
  if (unknown.length > 0) {
    throw new BackendError(`tfjs backend: unknown option(s) ${unknown.map((k) => `'${k}'`).join(', ')}; known options: ${KNOWN_OPTIONS.join(', ')}`);
  }
  const engine = (options as { engine?: unknown }).engine ?? 'wasm';
  if (!ENGINE_NAMES.includes(engine as EngineName)) {
    throw new BackendError(`tfjs backend: unknown engine ${JSON.stringify(engine)}; available engines: ${ENGINE_NAMES.join(', ')}`);
  }
  return { engine: engine as EngineName };
}
