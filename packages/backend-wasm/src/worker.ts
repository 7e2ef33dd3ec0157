/**
 * A worker thread of the wasm backend: instantiates the kernels on the shared memory, then sleeps
 * on the control block's SEQ word and, for each job it manages to join, runs run_job with its
 * thread index (claiming chunks alongside the other threads). It never allocates: every pointer
 * it sees comes from the calling thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DONE, ERROR_BYTES, ERROR_OFFSET, FAILED, JOB, SEQ, SPIN_MS, STOP, join, type RunJob, type WorkerData } from './thread_protocol.js';

const { module, memory, control, index, threads } = workerData as WorkerData;
const instance = new WebAssembly.Instance(module, { env: { memory } });
const runJob = instance.exports.run_job as RunJob;
// The control block never moves; a view made now stays valid however the memory grows.
const ctrl = new Int32Array(memory.buffer, control, ERROR_OFFSET / 4);

function recordFailure(e: unknown): void {
  if (Atomics.compareExchange(ctrl, FAILED, 0, 1) !== 0) return;
  const text = new TextEncoder().encode(`thread ${index}: ${e instanceof Error ? e.message : String(e)}`).slice(0, ERROR_BYTES - 1);
  const bytes = new Uint8Array(memory.buffer, control + ERROR_OFFSET, ERROR_BYTES);
  bytes.fill(0);
  bytes.set(text);
}

/**
 * The next job number after `seen`. Spins for a while before sleeping: kernels come in bursts
 * (a training step runs dozens), and a worker woken from Atomics.wait can take tenths of a
 * millisecond to get a core back, by which time a small job is done without it.
 */
function nextJob(seen: number): number {
  const until = performance.now() + SPIN_MS;
  for (let i = 1; ; i++) {
    const seq = Atomics.load(ctrl, SEQ);
    if (seq !== seen) return seq;
    if ((i & 1023) === 0 && performance.now() > until) break;
  }
  for (;;) {
    Atomics.wait(ctrl, SEQ, seen);
    const seq = Atomics.load(ctrl, SEQ);
    if (seq !== seen) return seq;
  }
}

// Read before reporting ready: no job (or stop) can be posted until every worker has reported.
let seen = Atomics.load(ctrl, SEQ);
parentPort!.postMessage('ready');
for (;;) {
  const seq = nextJob(seen);
  seen = seq;
  if (Atomics.load(ctrl, STOP) !== 0) break;
  if (!join(ctrl, seq)) continue;
  try {
    runJob(Atomics.load(ctrl, JOB) >>> 0, index, threads);
  } catch (e) {
    recordFailure(e);
  }
  Atomics.add(ctrl, DONE, 1);
  Atomics.notify(ctrl, DONE);
}
