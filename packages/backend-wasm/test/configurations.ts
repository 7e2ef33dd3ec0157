import { createWasmBackend, type WasmBackend, type WasmBackendOptions } from '../src/index.js';

/**
 * The backend configurations the conformance suite runs on, one test file each (each writes
 * packages/conformance/results/<name>.json). The threaded ones split every matmul and conv across
 * the threads (parallelThreshold 0), so the suite's small shapes exercise the split too.
 */
export const CONFIGURATIONS = {
  wasm: { threads: 1, relaxedSimd: false },
  'wasm-2t': { threads: 2, relaxedSimd: false, parallelThreshold: 0 },
  'wasm-relaxed': { threads: 1, relaxedSimd: true },
  'wasm-relaxed-2t': { threads: 2, relaxedSimd: true, parallelThreshold: 0 },
} as const satisfies Record<string, WasmBackendOptions>;

export type ConfigurationName = keyof typeof CONFIGURATIONS;

export function factory(name: ConfigurationName): () => Promise<WasmBackend> {
  return () => createWasmBackend(CONFIGURATIONS[name]);
}

/** Same float32 tolerance as the cpu backend (scaled by sqrt(k) for long sums by the suite). */
export const TOLERANCE = { float32: 1e-5 };
