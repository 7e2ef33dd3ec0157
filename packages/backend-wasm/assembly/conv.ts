/**
 * conv2d (NHWC input, HWIO filter) and both backprops as implicit GEMMs: the image patches are
 * read in place through the indexed micro-kernels (micro_kernels.ts) instead of being copied into
 * an im2col matrix. With M = batch*outH*outW output pixels, K = fh*fw*inC taps and N = outC:
 *
 *   forward          y [M, N]  = patches [M, K] · filter [K, N]
 *   backprop filter  dW [K, N] = patches^T [K, M] · dy [M, N]
 *   backprop input   dx       += scatter of (dy [M, N] · filter^T [N, K]) over the patches
 *
 * Patch element (q, t) is at `padded + window(q) + taps[t]`: the input is first copied into a
 * zero-bordered image (`padded`, padH x padW) whenever the windows reach outside it, so no bounds
 * test is left in any inner loop; when they do not, `padded` is the input itself. taps[t] is the
 * byte offset of tap t = (fy, fx, c) from a window's top-left cell; window offsets are tabled a
 * block of pixels at a time (pixelTable). Where the narrow side (N, or K for backprop input) has
 * 9 to 12 entries, the "wide" loops run one 12-wide pass on three rows instead of 8 + 4 wide on four.
 *
 * The TypeScript side (src/kernels/conv2d.ts) fills a ConvJob, calls conv_prepare on the calling
 * thread, runs the job on its threads (run_job; threads claim chunks: pixels for forward, pixels
 * summed into one partial dW per chunk for backprop filter, whole images for backprop input so no
 * two threads add into the same cell), then calls conv_finish.
 */
import { Job } from './op_codes';
import { chunkSize, claim } from './chunks';
import { KC, MR, NC, NR, NR_WIDE, PACK_B_OFFSET, TABLE_OFFSET, TILE_OFFSET } from './gemm';
import { indexedTile, indexedTileToScratch, kernel12x } from './micro_kernels';
import { packB, packB12 } from './packing';

/** Field order must match writeConvJob in src/kernels/conv_job.ts (after the four-field job header). */
@unmanaged export class ConvJob {
  op: i32;
  scratch: usize;
  scratchStride: usize;
  /** Chunks claimed so far (chunks.ts). */
  next: u32;
  batch: i32;
  inH: i32;
  inW: i32;
  inC: i32;
  outH: i32;
  outW: i32;
  outC: i32;
  fh: i32;
  fw: i32;
  strideH: i32;
  strideW: i32;
  dilationH: i32;
  dilationW: i32;
  padTop: i32;
  padLeft: i32;
  /** Rows and columns of the zero-bordered image (inH and inW when padded is the input itself). */
  padH: i32;
  padW: i32;
  /** forward, backprop filter: x or its bordered copy. backprop input: the dx accumulator (bordered or dx). */
  padded: usize;
  /** forward, backprop filter: x. backprop input: dy. */
  input: usize;
  /** forward, backprop input: the filter. backprop filter: dy. */
  second: usize;
  /** y, dx or dW. */
  out: usize;
  /** forward: the filter packed as B [K, N]; backprop input: filter^T packed as B [N, K]. */
  packed: usize;
  /** K byte offsets of the taps. */
  taps: usize;
  /** backprop filter with several threads: threads x K x N partial sums. backprop input: N identity offsets. */
  extra: usize;
}

// @ts-ignore: decorator
@inline function taps(j: ConvJob): i32 { return j.fh * j.fw * j.inC; }
// @ts-ignore: decorator
@inline function nextOf(j: ConvJob): usize { return changetype<usize>(j) + offsetof<ConvJob>('next'); }
// @ts-ignore: decorator
@inline function pixels(j: ConvJob): i32 { return j.batch * j.outH * j.outW; }

/**
 * Byte offsets in `padded` of the windows (top-left cell, channel 0) of output pixels
 * [q, q + count), written as u32 to dst: one division for the first pixel, then steps.
 */
function pixelTable(j: ConvJob, q: i32, count: i32, dst: usize): void {
  const plane = j.outH * j.outW;
  let b = q / plane;
  let r = q - b * plane;
  let oy = r / j.outW;
  let ox = r - oy * j.outW;
  const C = j.inC;
  const step = j.strideW * C;
  let row = (b * j.padH + oy * j.strideH) * j.padW * C;
  for (let i = 0; i < count; i++) {
    store<u32>(dst + (<usize>i << 2), <u32>(row + ox * step) << 2);
    if (++ox == j.outW) {
      ox = 0;
      if (++oy == j.outH) {
        oy = 0;
        b++;
      }
      row = (b * j.padH + oy * j.strideH) * j.padW * C;
    }
  }
}

/** The window of entry i of a pixel table, for a tile whose entries stop at `last` (clipped tiles repeat it). */
// @ts-ignore: decorator
@inline function windowAt(j: ConvJob, table: usize, i: i32, last: i32): usize {
  return j.padded + <usize>load<u32>(table + (<usize>min(i, last) << 2));
}

/**
 * Whether a conv's narrow side (outC for forward and backprop filter, taps for backprop input)
 * runs 12 wide on three rows (kernel12x) rather than 8 + 4 wide on four.
 */
// @ts-ignore: decorator
@inline function wide(n: i32): bool { return n > NR && n <= NR_WIDE; }

/** Rows of a wide tile, and pixels per window table in wide loops (a multiple of them). */
const WIDE_ROWS = 3;
const WIDE_BLOCK = KC - KC % WIDE_ROWS;

/** Copies each image of `src` [batch, inH, inW, C] into the zeroed bordered layout at `dst`. */
function border(j: ConvJob, src: usize, dst: usize): void {
  const C = j.inC;
  memory.fill(dst, 0, <usize>(j.batch * j.padH * j.padW * C) << 2);
  const row = <usize>(j.inW * C) << 2;
  for (let b = 0; b < j.batch; b++) {
    for (let y = 0; y < j.inH; y++) {
      const s = src + (<usize>((b * j.inH + y) * j.inW * C) << 2);
      const d = dst + (<usize>(((b * j.padH + y + j.padTop) * j.padW + j.padLeft) * C) << 2);
      memory.copy(d, s, row);
    }
  }
}

/** The interior of bordered images [b0, b1) of `src` into dst [batch, inH, inW, C]. */
function unborder(j: ConvJob, src: usize, dst: usize, b0: i32, b1: i32): void {
  const C = j.inC;
  const row = <usize>(j.inW * C) << 2;
  for (let b = b0; b < b1; b++) {
    for (let y = 0; y < j.inH; y++) {
      const s = src + (<usize>(((b * j.padH + y + j.padTop) * j.padW + j.padLeft) * C) << 2);
      memory.copy(dst + (<usize>((b * j.inH + y) * j.inW * C) << 2), s, row);
    }
  }
}

/**
 * Partial dW blocks backprop filter sums into on several threads: one per chunk of pixels, summed
 * in chunk order by conv_finish, so the result does not depend on which thread claimed which chunk
 * (per-thread partials made two runs of a CNN differ in the last bits). 0 on one thread.
 */
export function backprop_filter_slots(pixelCount: i32, threads: i32): i32 {
  if (threads == 1) return 0;
  const size = chunkSize(pixelCount, threads, KC);
  return (pixelCount + size - 1) / size;
}

/**
 * Work done once on the calling thread before the threads start. With several threads, backprop
 * filter's partial sums start at zero (a chunk without pixels leaves its block as is).
 */
export function conv_prepare(job: usize, threads: i32): void {
  const j = changetype<ConvJob>(job);
  const K = taps(j);
  const N = j.outC;
  if (j.op == Job.CONV_BACKPROP_FILTER && threads > 1) memory.fill(j.extra, 0, <usize>(backprop_filter_slots(pixels(j), threads) * K * N) << 2);
  for (let fy = 0, t = 0; fy < j.fh; fy++) {
    for (let fx = 0; fx < j.fw; fx++) {
      for (let c = 0; c < j.inC; c++, t++) {
        store<u32>(j.taps + (<usize>t << 2), <u32>(((fy * j.dilationH * j.padW + fx * j.dilationW) * j.inC + c) << 2));
      }
    }
  }
  if (j.op == Job.CONV_BACKPROP_INPUT) {
    // B(p = o, col = t) = filter[t*N + o]: the filter read transposed.
    if (wide(K)) packB12(j.second, 1, N, N, K, j.packed);
    else packB(j.second, 1, N, N, K, j.packed);
    for (let o = 0; o < N; o++) store<u32>(j.extra + (<usize>o << 2), <u32>(o << 2));
    return;
  }
  if (j.padded != j.input) border(j, j.input, j.padded);
  if (j.op != Job.CONV_FORWARD) return;
  if (wide(N)) packB12(j.second, N, 1, K, N, j.packed);
  else packB(j.second, N, 1, K, N, j.packed);
}

/** Work done once on the calling thread after every thread has finished. */
export function conv_finish(job: usize, threads: i32): void {
  const j = changetype<ConvJob>(job);
  if (j.op != Job.CONV_BACKPROP_FILTER || threads == 1) return;
  const n = taps(j) * j.outC;
  const stride = <usize>n << 2;
  const slots = backprop_filter_slots(pixels(j), threads);
  for (let i = 0; i < n; i++) {
    const at = <usize>i << 2;
    let s: f32 = 0;
    for (let t = 0; t < slots; t++) s += load<f32>(j.extra + <usize>t * stride + at);
    store<f32>(j.out + at, s);
  }
}

/**
 * Output pixels in chunks of whole MR-pixel tiles (a partial last tile repeats its last pixel and is
 * clipped), KC pixels' window offsets tabled at a time.
 */
function forward(j: ConvJob, threads: i32, scratch: usize): void {
  const M = pixels(j);
  const K = taps(j);
  const N = j.outC;
  const size = chunkSize(M, threads, MR);
  const table = scratch + TABLE_OFFSET;
  const tile = scratch + TILE_OFFSET;
  const ldc = <usize>N << 2;
  for (let q0 = claim(nextOf(j)) * size; q0 < M; q0 = claim(nextOf(j)) * size) {
    const q1 = min(M, q0 + size);
    for (let qc = q0; qc < q1; qc += KC) {
      const count = min(KC, q1 - qc);
      pixelTable(j, qc, count, table);
      for (let i = 0; i < count; i += MR) {
        const h = min(MR, count - i);
        const last = i + h - 1;
        const r0 = windowAt(j, table, i, last);
        const r1 = windowAt(j, table, i + 1, last);
        const r2 = windowAt(j, table, i + 2, last);
        const r3 = windowAt(j, table, i + 3, last);
        const c = j.out + (<usize>((qc + i) * N) << 2);
        for (let pc = 0; pc < K; pc += KC) {
          const kc = min(KC, K - pc);
          const offsets = j.taps + (<usize>pc << 2);
          for (let jr = 0; jr < N; jr += NR) {
            const w = min(NR, N - jr);
            const width = w <= 4 ? 4 : NR;
            const b = j.packed + (<usize>(jr * K + pc * width) << 2);
            indexedTile(kc, r0, r1, r2, r3, offsets, b, c + (<usize>jr << 2), ldc, h, w, pc > 0, tile);
          }
        }
      }
    }
  }
}

/**
 * Chunks of pixels, each KC at a time: a table of their window offsets (the indexed kernel's
 * per-step offsets), dy's rows for them packed as B, then tiles of MR taps. With several threads
 * each chunk adds into its own zeroed partial dW; alone, the thread writes dW itself (zeros if no pixels).
 */
function backpropFilter(j: ConvJob, threads: i32, scratch: usize): void {
  const M = pixels(j);
  const K = taps(j);
  const N = j.outC;
  const size = chunkSize(M, threads, KC);
  let started = false;
  const table = scratch + TABLE_OFFSET;
  const pb = scratch + PACK_B_OFFSET;
  const tile = scratch + TILE_OFFSET;
  const ldc = <usize>N << 2;
  for (let q0 = claim(nextOf(j)) * size; q0 < M; q0 = claim(nextOf(j)) * size) {
    const q1 = min(M, q0 + size);
    // This chunk's own partial (chunk order, not thread, decides the summation order).
    const dw = threads == 1 ? j.out : j.extra + (<usize>(q0 / size * K * N) << 2);
    for (let qb = q0; qb < q1; qb += KC) {
      const kc = min(KC, q1 - qb);
      pixelTable(j, qb, kc, table);
      // dy's rows for these pixels, NC output channels at a time (the packed block's capacity).
      for (let jc = 0; jc < N; jc += NC) {
        const nc = min(NC, N - jc);
        packB(j.second + (<usize>(qb * N + jc) << 2), N, 1, kc, nc, pb);
        for (let t = 0; t < K; t += MR) {
          const h = min(MR, K - t);
          const r0 = j.padded + <usize>load<u32>(j.taps + (<usize>t << 2));
          const r1 = j.padded + <usize>load<u32>(j.taps + (<usize>min(t + 1, K - 1) << 2));
          const r2 = j.padded + <usize>load<u32>(j.taps + (<usize>min(t + 2, K - 1) << 2));
          const r3 = j.padded + <usize>load<u32>(j.taps + (<usize>min(t + 3, K - 1) << 2));
          for (let jr = 0; jr < nc; jr += NR) {
            const w = min(NR, nc - jr);
            const c = dw + (<usize>(t * N + jc + jr) << 2);
            indexedTile(kc, r0, r1, r2, r3, table, pb + (<usize>(jr * kc) << 2), c, ldc, h, w, started || threads > 1, tile);
          }
        }
      }
      started = true;
    }
  }
  if (!started && threads == 1) memory.fill(j.out, 0, <usize>(K * N) << 2);
}

/**
 * One image per chunk: zero its accumulator, then for tiles of MR pixels compute dy·filter^T a
 * panel of NR taps at a time into the scratch tile and add each value into its cell of the
 * bordered dx (no other thread touches the image); finally copy the interior out when the
 * accumulator is a bordered copy.
 */
function backpropInput(j: ConvJob, scratch: usize): void {
  const K = taps(j);
  const N = j.outC;
  const image = j.padH * j.padW * j.inC;
  const table = scratch + TABLE_OFFSET;
  const tile = scratch + TILE_OFFSET;
  const plane = j.outH * j.outW;
  const rowBytes = <usize>N << 2;
  for (let b = claim(nextOf(j)); b < j.batch; b = claim(nextOf(j))) {
    memory.fill(j.padded + (<usize>(b * image) << 2), 0, <usize>image << 2);
    // KC pixels of this image at a time (tiles never span two images).
    for (let qc = b * plane; qc < (b + 1) * plane; qc += KC) {
      const count = min(KC, (b + 1) * plane - qc);
      pixelTable(j, qc, count, table);
      for (let i = 0; i < count; i += MR) {
        const h = min(MR, count - i);
        const last = qc + i + h - 1;
        const q = qc + i;
        const r0 = j.input + <usize>q * rowBytes;
        const r1 = j.input + <usize>min(q + 1, last) * rowBytes;
        const r2 = j.input + <usize>min(q + 2, last) * rowBytes;
        const r3 = j.input + <usize>min(q + 3, last) * rowBytes;
        for (let jr = 0; jr < K; jr += NR) {
          const w = min(NR, K - jr);
          const width = w <= 4 ? 4 : NR;
          for (let pc = 0; pc < N; pc += KC) {
            const kc = min(KC, N - pc);
            const bp = j.packed + (<usize>(jr * N + pc * width) << 2);
            indexedTileToScratch(kc, r0, r1, r2, r3, j.extra + (<usize>pc << 2), bp, w, pc > 0, tile);
          }
          const tapsAt = j.taps + (<usize>jr << 2);
          for (let r = 0; r < h; r++) {
            const base = j.padded + <usize>load<u32>(table + (<usize>(i + r) << 2));
            const t = tile + (<usize>(r * NR) << 2);
            for (let c = 0; c < w; c++) {
              const cell = base + <usize>load<u32>(tapsAt + (<usize>c << 2));
              store<f32>(cell, load<f32>(cell) + load<f32>(t + (<usize>c << 2)));
            }
          }
        }
      }
    }
    if (j.padded != j.out) unborder(j, j.padded, j.out, b, b + 1);
  }
}

/** forward for 9..12 output channels: tiles of three pixels, all channels in one 12-wide pass. */
function forwardWide(j: ConvJob, threads: i32, scratch: usize): void {
  const M = pixels(j);
  const K = taps(j);
  const N = j.outC;
  const size = chunkSize(M, threads, WIDE_ROWS);
  const table = scratch + TABLE_OFFSET;
  const tile = scratch + TILE_OFFSET;
  const rowBytes = <usize>N << 2;
  for (let q0 = claim(nextOf(j)) * size; q0 < M; q0 = claim(nextOf(j)) * size) {
    const q1 = min(M, q0 + size);
    for (let qc = q0; qc < q1; qc += WIDE_BLOCK) {
      const count = min(WIDE_BLOCK, q1 - qc);
      pixelTable(j, qc, count, table);
      for (let i = 0; i < count; i += WIDE_ROWS) {
        const h = min(WIDE_ROWS, count - i);
        const last = i + h - 1;
        const r0 = windowAt(j, table, i, last);
        const r1 = windowAt(j, table, i + 1, last);
        const r2 = windowAt(j, table, i + 2, last);
        const c = j.out + <usize>(qc + i) * rowBytes;
        for (let pc = 0; pc < K; pc += KC) {
          const b = j.packed + (<usize>(pc * NR_WIDE) << 2);
          kernel12x(min(KC, K - pc), r0, r1, r2, j.taps + (<usize>pc << 2), b, c, rowBytes, h, N, pc > 0, tile);
        }
      }
    }
  }
}

/** backprop filter for 9..12 output channels: three taps by 12 channels per pass over the pixels. */
function backpropFilterWide(j: ConvJob, threads: i32, scratch: usize): void {
  const M = pixels(j);
  const K = taps(j);
  const N = j.outC;
  const size = chunkSize(M, threads, KC);
  const table = scratch + TABLE_OFFSET;
  const pb = scratch + PACK_B_OFFSET;
  const tile = scratch + TILE_OFFSET;
  const rowBytes = <usize>N << 2;
  let started = false;
  for (let q0 = claim(nextOf(j)) * size; q0 < M; q0 = claim(nextOf(j)) * size) {
    const q1 = min(M, q0 + size);
    // This chunk's own partial (chunk order, not thread, decides the summation order).
    const dw = threads == 1 ? j.out : j.extra + (<usize>(q0 / size * K * N) << 2);
    for (let qb = q0; qb < q1; qb += KC) {
      const kc = min(KC, q1 - qb);
      pixelTable(j, qb, kc, table);
      packB12(j.second + <usize>qb * rowBytes, N, 1, kc, N, pb);
      for (let t = 0; t < K; t += WIDE_ROWS) {
        const h = min(WIDE_ROWS, K - t);
        const r0 = j.padded + <usize>load<u32>(j.taps + (<usize>t << 2));
        const r1 = j.padded + <usize>load<u32>(j.taps + (<usize>min(t + 1, K - 1) << 2));
        const r2 = j.padded + <usize>load<u32>(j.taps + (<usize>min(t + 2, K - 1) << 2));
        kernel12x(kc, r0, r1, r2, table, pb, dw + <usize>t * rowBytes, rowBytes, h, N, started || threads > 1, tile);
      }
      started = true;
    }
  }
  if (!started && threads == 1) memory.fill(j.out, 0, <usize>(K * N) << 2);
}

/** backprop input for 9..12 taps (3x3 filters on one channel): three pixels by 12 taps per tile. */
function backpropInputWide(j: ConvJob, scratch: usize): void {
  const K = taps(j);
  const N = j.outC;
  const image = j.padH * j.padW * j.inC;
  const table = scratch + TABLE_OFFSET;
  const tile = scratch + TILE_OFFSET;
  const plane = j.outH * j.outW;
  const rowBytes = <usize>N << 2;
  for (let b = claim(nextOf(j)); b < j.batch; b = claim(nextOf(j))) {
    memory.fill(j.padded + (<usize>(b * image) << 2), 0, <usize>image << 2);
    for (let qc = b * plane; qc < (b + 1) * plane; qc += WIDE_BLOCK) {
      const count = min(WIDE_BLOCK, (b + 1) * plane - qc);
      pixelTable(j, qc, count, table);
      for (let i = 0; i < count; i += WIDE_ROWS) {
        const h = min(WIDE_ROWS, count - i);
        const q = qc + i;
        const last = q + h - 1;
        const r0 = j.input + <usize>q * rowBytes;
        const r1 = j.input + <usize>min(q + 1, last) * rowBytes;
        const r2 = j.input + <usize>min(q + 2, last) * rowBytes;
        for (let pc = 0; pc < N; pc += KC) {
          kernel12x(min(KC, N - pc), r0, r1, r2, j.extra + (<usize>pc << 2), j.packed + (<usize>(pc * NR_WIDE) << 2), 0, 0, 0, 0, false, tile);
          for (let r = 0; r < h; r++) {
            const base = j.padded + <usize>load<u32>(table + (<usize>(i + r) << 2));
            const t = tile + (<usize>(r * NR_WIDE) << 2);
            for (let c = 0; c < K; c++) {
              const cell = base + <usize>load<u32>(j.taps + (<usize>c << 2));
              store<f32>(cell, load<f32>(cell) + load<f32>(t + (<usize>c << 2)));
            }
          }
        }
      }
    }
    if (j.padded != j.out) unborder(j, j.padded, j.out, b, b + 1);
  }
}

export function convJob(job: usize, threads: i32, scratch: usize): void {
  const j = changetype<ConvJob>(job);
  if (j.op == Job.CONV_FORWARD) {
    if (wide(j.outC)) forwardWide(j, threads, scratch);
    else forward(j, threads, scratch);
  } else if (j.op == Job.CONV_BACKPROP_FILTER) {
    if (wide(j.outC)) backpropFilterWide(j, threads, scratch);
    else backpropFilter(j, threads, scratch);
  } else if (wide(taps(j))) {
    backpropInputWide(j, scratch);
  } else {
    backpropInput(j, scratch);
  }
}
