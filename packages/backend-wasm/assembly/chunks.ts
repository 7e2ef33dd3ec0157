/**
 * Dynamic work sharing: a job's work is cut into chunks, and each thread claims the next chunk
 * from an atomic counter in the job block until none are left. A thread that starts late (its
 * core busy with another process) simply claims fewer chunks, instead of holding up the others
 * with a fixed share.
 */

/**
 * Chunks per thread: enough that a thread slowed by another process on its core holds the others
 * up by little, few enough that per-chunk setup (packing A, tabling windows) stays small.
 */
const CHUNKS_PER_THREAD = 8;

/** Units per chunk for `total` units on `threads` threads, a multiple of `align`; one chunk alone. */
export function chunkSize(total: i32, threads: i32, align: i32): i32 {
  if (threads == 1) return max(total, 1);
  const per = (total + threads * CHUNKS_PER_THREAD - 1) / (threads * CHUNKS_PER_THREAD);
  return max(align, (per + align - 1) / align * align);
}

/** The next unclaimed chunk index (shared counter at `counter`, zeroed when the job was written). */
// @ts-ignore: decorator
@inline export function claim(counter: usize): i32 {
  return <i32>atomic.add<u32>(counter, 1);
}
