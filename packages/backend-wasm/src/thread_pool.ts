import { Worker } from 'node:worker_threads';
import { BackendError } from '@dlts/core';
import {
  CALLER_SPIN_MS, DONE, ERROR_BYTES, ERROR_OFFSET, FAILED, JOB, JOINED, SEQ, SEQ_MASK, STOP, close, type RunJob, type WorkerData,
} from './thread_protocol.js';

/** The worker entry, next to this file's build output (resolved through the package root from src/ too). */
const WORKER_URL = new URL('../dist/worker.js', import.meta.url);

/**
 * Worker threads sharing the backend's memory. run() wakes the workers, works on the job itself
 * (thread 0), then closes the job and waits for the workers that joined it (the caller blocks in
 * Atomics.wait, which Node allows on its main thread). Work is claimed in chunks, so a worker that
 * joins late takes less of it and one that wakes after the close takes none (thread_protocol.ts).
 * Workers are unref'd, so a program that never calls shutdown() still exits; shutdown() stops them
 * and waits for them to exit.
 */
export class ThreadPool {
  private readonly ctrl: Int32Array;
  private seq = 0;
  private closed = false;

  private constructor(
    private readonly workers: readonly Worker[],
    private readonly memory: WebAssembly.Memory,
    private readonly control: number,
    private readonly runLocal: RunJob,
  ) {
    this.ctrl = new Int32Array(memory.buffer, control, ERROR_OFFSET / 4);
  }

  /** Threads including the calling one. */
  get threads(): number {
    return this.workers.length + 1;
  }

  static async create(module: WebAssembly.Module, memory: WebAssembly.Memory, control: number, threads: number, runLocal: RunJob): Promise<ThreadPool> {
    new Int32Array(memory.buffer, control, ERROR_OFFSET / 4).fill(0);
    const workers: Worker[] = [];
    const started: Promise<void>[] = [];
    for (let index = 1; index < threads; index++) {
      const data: WorkerData = { module, memory, control, index, threads };
      const worker = new Worker(WORKER_URL, { workerData: data });
      workers.push(worker);
      started.push(new Promise((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', (e) => reject(new BackendError(`wasm backend: worker thread ${index} failed to start: ${e.message}`)));
        worker.once('exit', (code) => reject(new BackendError(`wasm backend: worker thread ${index} exited (code ${code}) before it was ready`)));
      }));
    }
    try {
      await Promise.all(started);
    } catch (e) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw e;
    }
    for (const w of workers) {
      w.removeAllListeners('exit');
      w.removeAllListeners('error');
      w.unref();
    }
    return new ThreadPool(workers, memory, control, runLocal);
  }

  /** Runs `job` here and on every worker that joins in time; returns when all of them are done. */
  run(job: number): void {
    if (this.closed) throw new BackendError('wasm backend: used after shutdown()');
    const ctrl = this.ctrl;
    this.seq = (this.seq + 1) & SEQ_MASK;
    Atomics.store(ctrl, DONE, 0);
    Atomics.store(ctrl, JOB, job | 0);
    Atomics.store(ctrl, JOINED, this.seq << 8);
    Atomics.store(ctrl, SEQ, this.seq);
    Atomics.notify(ctrl, SEQ);
    let local: unknown;
    try {
      this.runLocal(job, 0, this.threads);
    } catch (e) {
      local = e;
    }
    // Joined workers read the job and their scratch until they report: wait even if share 0 failed.
    const joined = close(ctrl);
    const until = performance.now() + CALLER_SPIN_MS;
    for (let i = 1; Atomics.load(ctrl, DONE) !== joined; i++) {
      if ((i & 255) === 0 && performance.now() > until) {
        for (let done = Atomics.load(ctrl, DONE); done !== joined; done = Atomics.load(ctrl, DONE)) Atomics.wait(ctrl, DONE, done);
        break;
      }
    }
    if (local !== undefined) throw local;
    if (Atomics.load(ctrl, FAILED) !== 0) {
      const bytes = new Uint8Array(this.memory.buffer, this.control + ERROR_OFFSET, ERROR_BYTES).slice();
      Atomics.store(ctrl, FAILED, 0);
      const end = bytes.indexOf(0);
      throw new BackendError(`wasm backend: a worker failed: ${new TextDecoder().decode(bytes.subarray(0, end < 0 ? bytes.length : end))}`);
    }
  }

  /** Stops the workers and waits until they have exited. */
  async shutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const exited = this.workers.map((w) => new Promise<void>((resolve) => {
      w.ref();
      w.once('exit', () => resolve());
    }));
    Atomics.store(this.ctrl, STOP, 1);
    this.seq = (this.seq + 1) & SEQ_MASK;
    Atomics.store(this.ctrl, SEQ, this.seq);
    Atomics.notify(this.ctrl, SEQ);
    await Promise.all(exited);
  }
}
