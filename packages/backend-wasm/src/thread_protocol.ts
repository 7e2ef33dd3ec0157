/**
 * The control block through which the calling thread hands jobs to the workers: Int32 words in the
 * shared memory, the completion counter on its own cache line.
 *
 *   SEQ     job number (24 bits), bumped once per job; workers sleep on it (Atomics.wait)
 *   JOB     address of the job block for the current SEQ
 *   STOP    non-zero: workers leave their loop on the next SEQ
 *   JOINED  SEQ << 8 | CLOSED | workers that joined this job. A worker joins only while the job is
 *           open; the caller closes it when its own share is done and then waits for exactly the
 *           workers that joined. A worker whose core was busy and that wakes after the close stays
 *           out: the caller never waits on a thread that has not started.
 *   DONE    joined workers that finished; each finish wakes the caller
 *   FAILED  non-zero when a worker's share threw; its message is in the ERROR bytes
 */
export const SEQ = 0;
export const JOB = 1;
export const STOP = 2;
export const JOINED = 3;
export const DONE = 16;
export const FAILED = 17;
export const CLOSED = 0x80;
export const JOINED_COUNT = 0x7f;
/** Largest thread count the JOINED word can count (workers plus the calling thread). */
export const MAX_THREADS = JOINED_COUNT + 1;
export const SEQ_MASK = 0xffffff;
/** How long a worker keeps polling for the next job before it sleeps in Atomics.wait. */
export const SPIN_MS = 1;
/** How long the caller polls for the workers to finish before it sleeps. */
export const CALLER_SPIN_MS = 0.2;
/** Byte offset and length of the UTF-8 error message of a failed share. */
export const ERROR_OFFSET = 128;
export const ERROR_BYTES = 384;
export const CONTROL_BYTES = ERROR_OFFSET + ERROR_BYTES;

/** What a worker is started with (workerData). */
export interface WorkerData {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  /** Byte address of the control block. */
  readonly control: number;
  /** This worker's thread index (1..threads-1; the calling thread is 0). */
  readonly index: number;
  readonly threads: number;
}

export type RunJob = (job: number, tid: number, threads: number) => void;

/** Joins job `seq` if it is still open; false when it closed (or moved on) first. */
export function join(ctrl: Int32Array, seq: number): boolean {
  for (;;) {
    const v = Atomics.load(ctrl, JOINED);
    if (v >>> 8 !== seq || (v & CLOSED) !== 0) return false;
    if (Atomics.compareExchange(ctrl, JOINED, v, v + 1) === v) return true;
  }
}

/** Closes the current job to late joiners; returns how many workers joined it. */
export function close(ctrl: Int32Array): number {
  for (;;) {
    const v = Atomics.load(ctrl, JOINED);
    if (Atomics.compareExchange(ctrl, JOINED, v, v | CLOSED) === v) return v & JOINED_COUNT;
  }
}
