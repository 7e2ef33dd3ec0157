import { BackendError } from '@dlts/core';
import { chooseVariant, kernelModule, type SimdVariant } from './kernel_module.js';
import { Heap } from './heap.js';
import type { ResolvedOptions } from './options.js';
import { CONTROL_BYTES } from './thread_protocol.js';
import { ThreadPool } from './thread_pool.js';

/** The exports of assembly/index.ts (pointers are byte addresses, bools are 0/1). */
export interface KernelExports {
  heap_base(): number;
  scratch_bytes(): number;
  unary_f32(op: number, x: number, out: number, n: number): void;
  unary_i32(op: number, x: number, out: number, n: number): void;
  binary(op: number, isInt: number, walk: number, out: number, a: number, b: number): void;
  where(condInt: number, walk: number, out: number, cond: number, a: number, b: number): void;
  clip_f32(x: number, out: number, n: number, lo: number, hi: number): void;
  clip_i32(x: number, out: number, n: number, lo: number, hi: number): void;
  cast_f32_i32(x: number, out: number, n: number): void;
  cast_i32_f32(x: number, out: number, n: number): void;
  fill32(out: number, n: number, bits: number): void;
  reduce_init(op: number, isInt: number, out: number, n: number): void;
  reduce(op: number, isInt: number, walk: number, x: number, out: number): void;
  argmax(isInt: number, x: number, out: number, outer: number, len: number, inner: number, best: number): void;
  copy_strided(walk: number, dst: number, src: number): void;
  transpose2d(src: number, dst: number, batch: number, rows: number, cols: number): void;
  gather(x: number, indices: number, out: number, outer: number, len: number, inner: number, count: number): void;
  scatter_add(isInt: number, x: number, ids: number, out: number, count: number, inner: number, segments: number): void;
  softmax(log: number, x: number, out: number, rows: number, n: number): void;
  bias_act(c: number, rows: number, n: number, bias: number, act: number): void;
  conv_prepare(job: number, threads: number): void;
  conv_finish(job: number, threads: number): void;
  backprop_filter_slots(pixels: number, threads: number): number;
  pool(kind: number, job: number, x: number, dy: number, out: number, cells: number): void;
  packedSize(k: number, n: number): number;
  run_job(job: number, tid: number, threads: number): void;
}

const MIB = 2 ** 20;
/** Bytes of the parameter block the strided walker reads (ranks up to ~100 with four operands). */
export const PARAMS_BYTES = 4096;
/** Bytes of the job block (the largest job has fewer than 32 fields). */
const JOB_BYTES = 256;

/**
 * Everything the kernels run on: the instance on the calling thread, its shared memory and heap,
 * the thread pool (absent with one thread), and the fixed blocks carved from the heap at start:
 * walker parameters, the job block, the control block and one scratch area per thread.
 */
export class Runtime {
  private constructor(
    readonly variant: SimdVariant,
    readonly exports: KernelExports,
    readonly heap: Heap,
    readonly pool: ThreadPool | null,
    readonly params: number,
    readonly job: number,
    readonly scratch: number,
    readonly scratchStride: number,
    readonly parallelThreshold: number,
  ) {}

  static async create(options: ResolvedOptions): Promise<Runtime> {
    const variant = chooseVariant(options.relaxedSimd);
    const module = await kernelModule(variant);
    const maxPages = (options.maxMemoryMiB * MIB) / 65536;
    const memory = new WebAssembly.Memory({ initial: (options.initialMemoryMiB * MIB) / 65536, maximum: maxPages, shared: true });
    const instance = await WebAssembly.instantiate(module, { env: { memory } });
    const exports = instance.exports as unknown as KernelExports;
    const heap = new Heap(memory, exports.heap_base(), options.maxMemoryMiB * MIB);
    const params = heap.alloc(PARAMS_BYTES);
    const job = heap.alloc(JOB_BYTES);
    const control = heap.alloc(CONTROL_BYTES);
    const scratchStride = Math.ceil(exports.scratch_bytes() / 64) * 64;
    const scratch = heap.alloc(scratchStride * options.threads);
    const pool = options.threads > 1
      ? await ThreadPool.create(module, memory, control, options.threads, (j, tid, n) => exports.run_job(j, tid, n))
      : null;
    return new Runtime(variant, exports, heap, pool, params, job, scratch, scratchStride, options.parallelThreshold);
  }

  get threads(): number {
    return this.pool?.threads ?? 1;
  }

  /** Threads a job of `work` multiply-adds runs on: all of them from the threshold up, else the calling one. */
  threadsFor(work: number): number {
    return this.pool && work >= this.parallelThreshold ? this.pool.threads : 1;
  }

  /** Runs the job in the job block on `threads` threads (1 or threadsFor's answer). */
  runJob(threads: number): void {
    if (threads > 1 && this.pool) this.pool.run(this.job);
    else this.exports.run_job(this.job, 0, 1);
  }

  /**
   * Fills the job block: the four fields every job starts with (op code, this runtime's scratch
   * base and stride, the chunk counter at 0), then `fields` in the order of the job's class in
   * assembly/ (u32 words).
   */
  writeJob(op: number, fields: readonly number[]): void {
    if ((fields.length + 4) * 4 > JOB_BYTES) throw new BackendError(`wasm backend: job of ${fields.length} fields exceeds the job block`);
    const u32 = this.heap.u32;
    const base = this.job >>> 2;
    u32[base] = op;
    u32[base + 1] = this.scratch;
    u32[base + 2] = this.scratchStride;
    u32[base + 3] = 0;
    for (let i = 0; i < fields.length; i++) u32[base + 4 + i] = fields[i]!;
  }

  async shutdown(): Promise<void> {
    await this.pool?.shutdown();
  }
}
