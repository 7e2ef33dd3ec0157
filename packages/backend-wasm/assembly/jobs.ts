/**
 * run_job: the one entry point every thread calls for work that is split across threads. A job is
 * a block of 32-bit fields in the shared memory; threads claim chunks of it (chunks.ts) and each
 * uses its own scratch area (scratch + tid * scratchStride). With one thread the calling thread
 * runs it alone.
 */
import { Job } from './op_codes';
import { chunkSize, claim } from './chunks';
import { KC, MC, MR, NC, blockOffset, gemm } from './gemm';
import { packB } from './packing';
import { convJob } from './conv';
import { bias_act } from './dense_epilogue';

/** Field order must match gemmJob in src/kernels/matmul.ts (after the four-field job header). */
@unmanaged export class GemmJob {
  op: i32;
  scratch: usize;
  scratchStride: usize;
  /** Chunks claimed so far (chunks.ts). */
  next: u32;
  batch: i32;
  m: i32;
  n: i32;
  k: i32;
  a: usize;
  /** Elements between a's batches (0: broadcast). */
  aBatch: i32;
  ars: i32;
  acs: i32;
  b: usize;
  bBatch: i32;
  brs: i32;
  bcs: i32;
  /** [batch, m, n], row-major. */
  c: usize;
  /** B packed whole by a PACK_B job (0: each thread packs its own blocks), and floats between batches' packings. */
  packed: usize;
  packedBatch: i32;
  /** Fused dense epilogue: n floats of bias (0: none) and an Activation code. */
  bias: usize;
  activation: i32;
}

/** Columns of B per packing chunk: a multiple of NR that divides NC, so no chunk straddles two NC blocks. */
const PACK_COLUMNS = 128;

/**
 * PACK_B (run before the GEMM job on the same fields): B packed whole into `packed`, for every
 * batch that has its own B, so that chunks of rows (on any thread) only pack their A blocks and
 * can be small enough to balance. Packing is split across threads too, by KC-deep blocks of
 * PACK_COLUMNS columns: on one thread it would hold every other thread up (a 1024 x 1024 B takes
 * about as long as a tenth of the product's share per thread).
 */
function packJob(j: GemmJob): void {
  const batches = j.bBatch == 0 ? 1 : j.batch;
  const depthBlocks = (j.k + KC - 1) / KC;
  const groups = (j.n + PACK_COLUMNS - 1) / PACK_COLUMNS;
  const units = batches * depthBlocks * groups;
  const next = changetype<usize>(j) + offsetof<GemmJob>('next');
  for (let u = claim(next); u < units; u = claim(next)) {
    const bi = u / (depthBlocks * groups);
    const rest = u - bi * depthBlocks * groups;
    const pc = rest / groups * KC;
    const col = rest % groups * PACK_COLUMNS;
    const jc = col / NC * NC;
    const kc = min(KC, j.k - pc);
    // Panels of a block sit kc floats apart (gemm.ts), so columns [col, col + 128) start (col - jc) * kc in.
    const dst = j.packed + ((<usize>(bi * j.packedBatch) + blockOffset(j.k, j.n, jc, pc) + <usize>((col - jc) * kc)) << 2);
    const src = j.b + (<usize>(bi * j.bBatch + pc * j.brs + col * j.bcs) << 2);
    packB(src, j.brs, j.bcs, kc, min(PACK_COLUMNS, j.n - col), dst);
  }
}

/** The batch*m rows of C in chunks of whole MR-row tiles; a chunk may span batches, each piece is one gemm call. */
function gemmJob(j: GemmJob, threads: i32, scratch: usize): void {
  const rows = j.batch * j.m;
  // Where rows are plenty, whole MC-row chunks: a shorter chunk packs a shorter A block and streams
  // each KC x NC block of B once per fewer rows (1024^3 on 2 threads: 64-row chunks cost ~7%).
  const size = chunkSize(rows, threads, rows >= 2 * threads * MC ? MC : MR);
  const next = changetype<usize>(j) + offsetof<GemmJob>('next');
  for (let r = claim(next) * size; r < rows; r = claim(next) * size) {
    const end = min(rows, r + size);
    while (r < end) {
      const bi = r / j.m;
      const i0 = r - bi * j.m;
      const count = min(j.m - i0, end - r);
      const a = j.a + (<usize>(bi * j.aBatch + i0 * j.ars) << 2);
      const b = j.b + (<usize>(bi * j.bBatch) << 2);
      const c = j.c + (<usize>(r * j.n) << 2);
      const packed: usize = j.packed == 0 ? 0 : j.packed + (<usize>(j.bBatch == 0 ? 0 : bi * j.packedBatch) << 2);
      gemm(count, j.n, j.k, a, j.ars, j.acs, b, j.brs, j.bcs, c, j.n, scratch, packed);
      bias_act(c, count, j.n, j.bias, j.activation);
      r += count;
    }
  }
}

export function run_job(job: usize, tid: i32, threads: i32): void {
  const op = load<i32>(job);
  const scratch = <usize>load<u32>(job, 4) + <usize>tid * <usize>load<u32>(job, 8);
  if (op == Job.GEMM) gemmJob(changetype<GemmJob>(job), threads, scratch);
  else if (op == Job.PACK_B) packJob(changetype<GemmJob>(job));
  else convJob(job, threads, scratch);
}
