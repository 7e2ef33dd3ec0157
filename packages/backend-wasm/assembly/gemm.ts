/**
 * The float32 matrix-multiply engine behind matmul, dense and (through conv.ts) conv2d:
 * C = A·B on strided views (element (i, j) of a view is base[i * rowStride + j * colStride]), so
 * transposes are just strides to the packing loops and never copies.
 *
 * GotoBLAS layout: B is packed a KC x NC block at a time into NR (8) wide column panels, A an
 * MC x KC block at a time into MR (4) high row panels, and a 4 x 8 micro-kernel keeps its 32
 * accumulators in eight f32x4 registers over a whole KC-deep panel pair (4 KiB of A + 8 KiB of B,
 * L1-resident): per step it loads two vectors of B, splats four values of A and does eight
 * multiply-adds. A last column panel of at most 4 columns is packed 4 wide and uses a 4 x 4 kernel
 * (10 output channels cost 12 columns of work, not 16). Edge tiles are computed into a scratch
 * tile and clipped when copied out. Matrix-vector shapes use dot products instead. The kernels are
 * in micro_kernels.ts, the packing in packing.ts.
 */
import { madd } from './simd';
import { packedTile } from './micro_kernels';
import { packA, packB } from './packing';

export const MR = 4;
export const NR = 8;
/** Width of the panel used for a last column panel of at most this many columns. */
export const NR_NARROW = 4;
/** Width of the wide panel used where the narrow side of a conv has 9 to 12 entries (micro_kernels.ts kernel12x). */
export const NR_WIDE = 12;
export const KC = 256;
export const MC = 128;
export const NC = 1024;

// Per-thread scratch (see scratch_bytes): packed A block, packed B block, one tile, one offset table.
export const PACK_A_OFFSET: usize = 0;
export const PACK_B_OFFSET: usize = PACK_A_OFFSET + <usize>(MC * KC * 4);
export const TILE_OFFSET: usize = PACK_B_OFFSET + <usize>(KC * NC * 4);
/** The tile holds the largest kernel output: 4 x 8 or 3 x 12 floats. */
export const TABLE_OFFSET: usize = TILE_OFFSET + <usize>(48 * 4);
const SCRATCH_BYTES: usize = TABLE_OFFSET + <usize>(KC * 4);

/** Bytes of scratch each thread needs (the TypeScript side allocates threads x this, 64-byte aligned). */
export function scratch_bytes(): usize {
  return SCRATCH_BYTES;
}

/** sum_p x[p*xs] * y[p*ys]; contiguous operands eight lanes at a time. */
function dot(x: usize, xs: i32, y: usize, ys: i32, k: i32): f32 {
  let p = 0;
  let s: f32 = 0;
  if (xs == 1 && ys == 1) {
    let s0 = f32x4.splat(0), s1 = s0;
    for (; p + 8 <= k; p += 8) {
      const at = <usize>p << 2;
      s0 = madd(v128.load(x + at), v128.load(y + at), s0);
      s1 = madd(v128.load(x + at, 16), v128.load(y + at, 16), s1);
    }
    const t = f32x4.add(s0, s1);
    s = (f32x4.extract_lane(t, 0) + f32x4.extract_lane(t, 1)) + (f32x4.extract_lane(t, 2) + f32x4.extract_lane(t, 3));
  }
  for (; p < k; p++) s += load<f32>(x + (<usize>(p * xs) << 2)) * load<f32>(y + (<usize>(p * ys) << 2));
  return s;
}

/** Matrix-vector shapes (m == 1 or n == 1), where panels would be mostly padding. */
function gemv(m: i32, n: i32, k: i32, a: usize, ars: i32, acs: i32, b: usize, brs: i32, bcs: i32, c: usize, ldc: i32): void {
  if (n == 1) {
    for (let i = 0; i < m; i++) store<f32>(c + (<usize>(i * ldc) << 2), dot(a + (<usize>(i * ars) << 2), acs, b, brs, k));
    return;
  }
  if (bcs != 1) {
    for (let j = 0; j < n; j++) store<f32>(c + (<usize>j << 2), dot(a, acs, b + (<usize>(j * bcs) << 2), brs, k));
    return;
  }
  // One row of A against row-major B: c += a[p] * B[p, :], row by row.
  memory.fill(c, 0, <usize>n << 2);
  for (let p = 0; p < k; p++) {
    const av = load<f32>(a + (<usize>(p * acs) << 2));
    const avv = f32x4.splat(av);
    const row = b + (<usize>(p * brs) << 2);
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      const at = <usize>j << 2;
      v128.store(c + at, madd(avv, v128.load(row + at), v128.load(c + at)));
    }
    for (; j < n; j++) {
      const at = <usize>j << 2;
      store<f32>(c + at, load<f32>(c + at) + av * load<f32>(row + at));
    }
  }
}

/** Floats of B packed whole (packJob in jobs.ts): every KC x NC block, each NR-panel block padded to 8 columns. */
export function packedSize(k: i32, n: i32): i32 {
  return k * ((n + NR - 1) / NR * NR);
}

/** Offset (floats) of block (jc, pc) in a B packed whole (see packJob in jobs.ts): full NC-wide blocks come first. */
// @ts-ignore: decorator
@inline export function blockOffset(k: i32, n: i32, jc: i32, pc: i32): usize {
  const nc = min(NC, n - jc);
  return <usize>(jc * k + pc * ((nc + NR - 1) / NR * NR));
}

/**
 * C [m x n] (row stride ldc) = A [m x k] · B [k x n] for strided views A (a, ars, acs) and
 * B (b, brs, bcs); element strides, byte pointers. C is overwritten (k == 0 gives zeros).
 * `scratch` is this thread's scratch_bytes() area. `packed`, when not 0, is B already packed whole
 * (jobs.ts; threads splitting one product share it); otherwise each KC x NC block of B is packed
 * here, into the scratch.
 */
export function gemm(
  m: i32, n: i32, k: i32, a: usize, ars: i32, acs: i32, b: usize, brs: i32, bcs: i32,
  c: usize, ldc: i32, scratch: usize, packed: usize,
): void {
  if (m == 0 || n == 0) return;
  if (k == 0) {
    for (let i = 0; i < m; i++) memory.fill(c + (<usize>(i * ldc) << 2), 0, <usize>n << 2);
    return;
  }
  if (m == 1 || n == 1) {
    gemv(m, n, k, a, ars, acs, b, brs, bcs, c, ldc);
    return;
  }
  const pa = scratch + PACK_A_OFFSET;
  const tile = scratch + TILE_OFFSET;
  const ldcb = <usize>ldc << 2;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      const add = pc > 0;
      let pb = scratch + PACK_B_OFFSET;
      if (packed != 0) pb = packed + (blockOffset(k, n, jc, pc) << 2);
      else packB(b + (<usize>(pc * brs + jc * bcs) << 2), brs, bcs, kc, nc, pb);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        packA(a + (<usize>(ic * ars + pc * acs) << 2), ars, acs, mc, kc, pa);
        for (let jr = 0; jr < nc; jr += NR) {
          const w = min(NR, nc - jr);
          const bp = pb + (<usize>(jr * kc) << 2);
          for (let ir = 0; ir < mc; ir += MR) {
            const cp = c + (<usize>((ic + ir) * ldc + jc + jr) << 2);
            packedTile(kc, pa + (<usize>(ir * kc) << 2), bp, cp, ldcb, min(MR, mc - ir), w, add, tile);
          }
        }
      }
    }
  }
}
