/**
 * The register-tiled micro-kernels of the matrix-multiply engine (gemm.ts) and of the implicit-GEMM
 * convolutions (conv.ts): C tile = (add ? C : 0) + A panel · B panel over kc steps.
 *
 * - kernel8 / kernel4: packed A (4 floats per step) by an 8- or 4-wide packed B panel; the 4 x 8
 *   tile keeps its 32 sums in eight f32x4 accumulators, and each step loads two vectors of B,
 *   splats four values of A and does eight multiply-adds.
 * - kernel8x / kernel4x / kernel12x: "indexed" A, read in place as A(r, p) = rowPointer[r] +
 *   offsets[p] (byte offsets): image patches without an im2col copy.
 * Partial tiles are computed into a scratch tile and clipped when copied out (packedTile,
 * indexedTile); kernel12x stores partial rows lane by lane instead.
 */
import { madd } from './simd';
import { MR, NR, NR_NARROW, NR_WIDE } from './gemm';

// @ts-ignore: decorator
@inline function put(c: usize, v: v128, add: bool): void {
  v128.store(c, add ? f32x4.add(v128.load(c), v) : v);
}

/** Packed A (4 floats per step) times an 8-wide packed B panel; ldc in bytes. */
function kernel8(kc: i32, a: usize, b: usize, c: usize, ldc: usize, add: bool): void {
  let c00 = f32x4.splat(0), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    let av = v128.load32_splat(a);
    c00 = madd(av, b0, c00); c01 = madd(av, b1, c01);
    av = v128.load32_splat(a, 4);
    c10 = madd(av, b0, c10); c11 = madd(av, b1, c11);
    av = v128.load32_splat(a, 8);
    c20 = madd(av, b0, c20); c21 = madd(av, b1, c21);
    av = v128.load32_splat(a, 12);
    c30 = madd(av, b0, c30); c31 = madd(av, b1, c31);
    a += 16;
    b += 32;
  }
  put(c, c00, add); put(c + 16, c01, add); c += ldc;
  put(c, c10, add); put(c + 16, c11, add); c += ldc;
  put(c, c20, add); put(c + 16, c21, add); c += ldc;
  put(c, c30, add); put(c + 16, c31, add);
}

/** Packed A times a 4-wide packed B panel. */
function kernel4(kc: i32, a: usize, b: usize, c: usize, ldc: usize, add: bool): void {
  let c0 = f32x4.splat(0), c1 = c0, c2 = c0, c3 = c0;
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(b);
    c0 = madd(v128.load32_splat(a), b0, c0);
    c1 = madd(v128.load32_splat(a, 4), b0, c1);
    c2 = madd(v128.load32_splat(a, 8), b0, c2);
    c3 = madd(v128.load32_splat(a, 12), b0, c3);
    a += 16;
    b += 16;
  }
  put(c, c0, add); c += ldc;
  put(c, c1, add); c += ldc;
  put(c, c2, add); c += ldc;
  put(c, c3, add);
}

/** Indexed A: A(r, p) = r_r + offsets[p] (byte offsets, u32), times an 8-wide packed B panel. */
function kernel8x(kc: i32, r0: usize, r1: usize, r2: usize, r3: usize, offsets: usize, b: usize, c: usize, ldc: usize, add: bool): void {
  let c00 = f32x4.splat(0), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  for (let p = 0; p < kc; p++) {
    const o = <usize>load<u32>(offsets);
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    let av = v128.load32_splat(r0 + o);
    c00 = madd(av, b0, c00); c01 = madd(av, b1, c01);
    av = v128.load32_splat(r1 + o);
    c10 = madd(av, b0, c10); c11 = madd(av, b1, c11);
    av = v128.load32_splat(r2 + o);
    c20 = madd(av, b0, c20); c21 = madd(av, b1, c21);
    av = v128.load32_splat(r3 + o);
    c30 = madd(av, b0, c30); c31 = madd(av, b1, c31);
    offsets += 4;
    b += 32;
  }
  put(c, c00, add); put(c + 16, c01, add); c += ldc;
  put(c, c10, add); put(c + 16, c11, add); c += ldc;
  put(c, c20, add); put(c + 16, c21, add); c += ldc;
  put(c, c30, add); put(c + 16, c31, add);
}

/** Indexed A times a 4-wide packed B panel. */
function kernel4x(kc: i32, r0: usize, r1: usize, r2: usize, r3: usize, offsets: usize, b: usize, c: usize, ldc: usize, add: bool): void {
  let c0 = f32x4.splat(0), c1 = c0, c2 = c0, c3 = c0;
  for (let p = 0; p < kc; p++) {
    const o = <usize>load<u32>(offsets);
    const b0 = v128.load(b);
    c0 = madd(v128.load32_splat(r0 + o), b0, c0);
    c1 = madd(v128.load32_splat(r1 + o), b0, c1);
    c2 = madd(v128.load32_splat(r2 + o), b0, c2);
    c3 = madd(v128.load32_splat(r3 + o), b0, c3);
    offsets += 4;
    b += 16;
  }
  put(c, c0, add); c += ldc;
  put(c, c1, add); c += ldc;
  put(c, c2, add); c += ldc;
  put(c, c3, add);
}

/**
 * One row of a 12-wide result: the first `n` (9..12) floats of v0 v1 v2 at c, added to what is there
 * when `add`. The tail is stored lane by lane, so the row's neighbour in memory is never touched.
 */
// @ts-ignore: decorator
@inline function putRow12(c: usize, v0: v128, v1: v128, v2: v128, n: i32, add: bool): void {
  if (add) {
    v0 = f32x4.add(v0, v128.load(c));
    v1 = f32x4.add(v1, v128.load(c, 16));
    v2 = f32x4.add(v2, n >= 12 ? v128.load(c, 32) : n >= 10 ? v128.load64_zero(c, 32) : v128.load32_zero(c, 32));
    if (n == 11) v2 = f32x4.replace_lane(v2, 2, f32x4.extract_lane(v2, 2) + load<f32>(c, 40));
  }
  v128.store(c, v0);
  v128.store(c, v1, 16);
  if (n >= 12) {
    v128.store(c, v2, 32);
  } else if (n >= 10) {
    v128.store64_lane(c, v2, 0, 32);
    if (n == 11) v128.store32_lane(c, v2, 2, 40);
  } else {
    v128.store32_lane(c, v2, 0, 32);
  }
}

/**
 * Indexed A (three rows) times a 12-wide packed B panel. For conv shapes whose narrow side has 9
 * to 12 entries (the book's 10 filters, or 3x3 taps of one channel), one 12-wide pass replaces an
 * 8-wide plus a 4-wide one; nine accumulators leave V8 room for the three B vectors and the splat.
 * With `n` > 0 the first h rows go straight to C (n columns, row stride ldc bytes, adding when
 * `add`); with n == 0 all three rows go to `tile` (12 floats each) for the caller to scatter.
 */
export function kernel12x(
  kc: i32, r0: usize, r1: usize, r2: usize, offsets: usize, b: usize,
  c: usize, ldc: usize, h: i32, n: i32, add: bool, tile: usize,
): void {
  let c00 = f32x4.splat(0), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00, c20 = c00, c21 = c00, c22 = c00;
  for (let p = 0; p < kc; p++) {
    const o = <usize>load<u32>(offsets);
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    const b2 = v128.load(b, 32);
    let av = v128.load32_splat(r0 + o);
    c00 = madd(av, b0, c00); c01 = madd(av, b1, c01); c02 = madd(av, b2, c02);
    av = v128.load32_splat(r1 + o);
    c10 = madd(av, b0, c10); c11 = madd(av, b1, c11); c12 = madd(av, b2, c12);
    av = v128.load32_splat(r2 + o);
    c20 = madd(av, b0, c20); c21 = madd(av, b1, c21); c22 = madd(av, b2, c22);
    offsets += 4;
    b += 48;
  }
  if (n == 0) {
    v128.store(tile, c00); v128.store(tile, c01, 16); v128.store(tile, c02, 32);
    v128.store(tile, c10, 48); v128.store(tile, c11, 64); v128.store(tile, c12, 80);
    v128.store(tile, c20, 96); v128.store(tile, c21, 112); v128.store(tile, c22, 128);
    return;
  }
  putRow12(c, c00, c01, c02, n, add);
  if (h > 1) putRow12(c + ldc, c10, c11, c12, n, add);
  if (h > 2) putRow12(c + 2 * ldc, c20, c21, c22, n, add);
}

/** Copies the top-left h x w of a tile (row width tw floats) into C, adding when `add`. */
function flushTile(tile: usize, tw: i32, c: usize, ldc: usize, h: i32, w: i32, add: bool): void {
  for (let r = 0; r < h; r++, c += ldc) {
    const t = tile + (<usize>(r * tw) << 2);
    for (let j = 0; j < w; j++) {
      const at = <usize>j << 2;
      const v = load<f32>(t + at);
      store<f32>(c + at, add ? load<f32>(c + at) + v : v);
    }
  }
}

/**
 * One h x w (h <= 4, w <= 8) tile of C from packed panels; a panel of width <= NR_NARROW uses the
 * narrow kernel. Partial tiles go through `tile` scratch.
 */
export function packedTile(kc: i32, a: usize, b: usize, c: usize, ldc: usize, h: i32, w: i32, add: bool, tile: usize): void {
  if (w <= NR_NARROW) {
    if (h == MR && w == NR_NARROW) kernel4(kc, a, b, c, ldc, add);
    else { kernel4(kc, a, b, tile, NR_NARROW << 2, false); flushTile(tile, NR_NARROW, c, ldc, h, w, add); }
  } else if (h == MR && w == NR) {
    kernel8(kc, a, b, c, ldc, add);
  } else {
    kernel8(kc, a, b, tile, NR << 2, false);
    flushTile(tile, NR, c, ldc, h, w, add);
  }
}

/** packedTile with an indexed A (rows r0..r3, byte offsets per step). */
export function indexedTile(
  kc: i32, r0: usize, r1: usize, r2: usize, r3: usize, offsets: usize, b: usize,
  c: usize, ldc: usize, h: i32, w: i32, add: bool, tile: usize,
): void {
  if (w <= NR_NARROW) {
    if (h == MR && w == NR_NARROW) kernel4x(kc, r0, r1, r2, r3, offsets, b, c, ldc, add);
    else { kernel4x(kc, r0, r1, r2, r3, offsets, b, tile, NR_NARROW << 2, false); flushTile(tile, NR_NARROW, c, ldc, h, w, add); }
  } else if (h == MR && w == NR) {
    kernel8x(kc, r0, r1, r2, r3, offsets, b, c, ldc, add);
  } else {
    kernel8x(kc, r0, r1, r2, r3, offsets, b, tile, NR << 2, false);
    flushTile(tile, NR, c, ldc, h, w, add);
  }
}

/** The full-width indexed tile into `tile` (row width NR), for callers that scatter it themselves. */
export function indexedTileToScratch(kc: i32, r0: usize, r1: usize, r2: usize, r3: usize, offsets: usize, b: usize, w: i32, add: bool, tile: usize): void {
  if (w <= NR_NARROW) kernel4x(kc, r0, r1, r2, r3, offsets, b, tile, NR << 2, add);
  else kernel8x(kc, r0, r1, r2, r3, offsets, b, tile, NR << 2, add);
}

