import { availableParallelism } from 'node:os';
import { BackendError } from '@dlts/core';
import { MAX_THREADS } from './thread_protocol.js';

/** Options of createWasmBackend (also accepted under "backends": { "wasm": {...} } in dlts.config.json). */
export interface WasmBackendOptions {
  /** Threads that share large matmuls and convolutions, the calling thread included. Default: os.availableParallelism(). */
  threads?: number;
  /**
   * 'auto' (default): relaxed SIMD (fused multiply-add) when the runtime validates it, plain SIMD
   * otherwise. true: relaxed or an error. false: plain SIMD.
   */
  relaxedSimd?: 'auto' | boolean;
  /**
   * Multiply-adds (m*n*k for matmul, M*K*N for conv) from which a kernel is split across threads;
   * smaller ones run on the calling thread, where waking the workers would cost more than it saves.
   */
  parallelThreshold?: number;
  /** Initial size of the backend's WebAssembly memory, MiB (it grows on demand). Default 16. */
  initialMemoryMiB?: number;
  /** Largest size the memory may grow to, MiB; at most 4096 (32-bit addresses). Default 4096. */
  maxMemoryMiB?: number;
}

export interface ResolvedOptions {
  readonly threads: number;
  readonly relaxedSimd: 'auto' | boolean;
  readonly parallelThreshold: number;
  readonly initialMemoryMiB: number;
  readonly maxMemoryMiB: number;
}

/** 2^20 multiply-adds: about 30-70 µs of one core, several times the cost of waking a worker. */
export const DEFAULT_PARALLEL_THRESHOLD = 1 << 20;

const KNOWN = ['threads', 'relaxedSimd', 'parallelThreshold', 'initialMemoryMiB', 'maxMemoryMiB'];

function integer(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new BackendError(`wasm backend: option ${name} must be an integer in [${min}, ${max}], got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Checks options from code or a config file; unknown keys are errors, not ignored. */
export function resolveOptions(options: Record<string, unknown>): ResolvedOptions {
  for (const key of Object.keys(options)) {
    if (!KNOWN.includes(key)) throw new BackendError(`wasm backend: unknown option '${key}' (known: ${KNOWN.join(', ')})`);
  }
  const relaxed = options.relaxedSimd ?? 'auto';
  if (relaxed !== 'auto' && relaxed !== true && relaxed !== false) {
    throw new BackendError(`wasm backend: option relaxedSimd must be 'auto', true or false, got ${JSON.stringify(relaxed)}`);
  }
  const maxMemoryMiB = integer('maxMemoryMiB', options.maxMemoryMiB ?? 4096, 1, 4096);
  return {
    threads: integer('threads', options.threads ?? Math.min(availableParallelism(), MAX_THREADS), 1, MAX_THREADS),
    relaxedSimd: relaxed,
    parallelThreshold: integer('parallelThreshold', options.parallelThreshold ?? DEFAULT_PARALLEL_THRESHOLD, 0, Number.MAX_SAFE_INTEGER),
    initialMemoryMiB: integer('initialMemoryMiB', options.initialMemoryMiB ?? Math.min(16, maxMemoryMiB), 1, maxMemoryMiB),
    maxMemoryMiB,
  };
}
