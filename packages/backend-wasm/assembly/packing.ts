/**
 * Packing for the matrix-multiply engine: blocks of A into MR-high row panels and blocks of B into
 * NR-wide column panels (gemm.ts documents the layout), from any strided view. Row-major and
 * column-major sources move four values per instruction (4 x 4 transposes where the panel runs
 * across the source's rows); other strides and partial panels go element by element, zero-padded.
 */
import { MR, NR, NR_NARROW, NR_WIDE } from './gemm';

/** Writes the 4 x 4 transpose of rows r0..r3 as four vectors `step` bytes apart. */
// @ts-ignore: decorator
@inline function transpose4(r0: v128, r1: v128, r2: v128, r3: v128, dst: usize, step: usize): void {
  const t0 = i32x4.shuffle(r0, r1, 0, 4, 1, 5);
  const t1 = i32x4.shuffle(r2, r3, 0, 4, 1, 5);
  const t2 = i32x4.shuffle(r0, r1, 2, 6, 3, 7);
  const t3 = i32x4.shuffle(r2, r3, 2, 6, 3, 7);
  v128.store(dst, i32x4.shuffle(t0, t1, 0, 1, 4, 5));
  v128.store(dst + step, i32x4.shuffle(t0, t1, 2, 3, 6, 7));
  v128.store(dst + 2 * step, i32x4.shuffle(t2, t3, 0, 1, 4, 5));
  v128.store(dst + 3 * step, i32x4.shuffle(t2, t3, 2, 3, 6, 7));
}

/**
 * Rows [0, mc) x depth [0, kc) of the view (src, rs, cs) into MR-high panels: panel ir at
 * dst + ir*kc floats, step p at 4 floats each. Row-major and column-major sources move four
 * values per instruction; other strides and a last partial panel go element by element.
 */
export function packA(src: usize, rs: i32, cs: i32, mc: i32, kc: i32, dst: usize): void {
  for (let ir = 0; ir < mc; ir += MR) {
    const h = min(MR, mc - ir);
    const d = dst + (<usize>(ir * kc) << 2);
    const s = src + (<usize>(ir * rs) << 2);
    let p = 0;
    if (h == MR && cs == 1) {
      const rb = <usize>rs << 2;
      for (; p + 4 <= kc; p += 4) {
        const at = s + (<usize>p << 2);
        transpose4(v128.load(at), v128.load(at + rb), v128.load(at + 2 * rb), v128.load(at + 3 * rb), d + (<usize>p << 4), 16);
      }
    } else if (h == MR && rs == 1) {
      for (; p < kc; p++) v128.store(d + (<usize>p << 4), v128.load(s + (<usize>(p * cs) << 2)));
    }
    for (; p < kc; p++) {
      for (let r = 0; r < MR; r++) {
        store<f32>(d + (<usize>(p * MR + r) << 2), r < h ? load<f32>(s + (<usize>(r * rs + p * cs) << 2)) : 0);
      }
    }
  }
}

/**
 * Depth [0, kc) x columns [0, nc) of the view (src, rs, cs) into NR-wide panels: panel jr at
 * dst + jr*kc floats, step p at `width` floats each, width NR or NR_NARROW for a last panel of at
 * most NR_NARROW columns.
 */
export function packB(src: usize, rs: i32, cs: i32, kc: i32, nc: i32, dst: usize): void {
  for (let jr = 0; jr < nc; jr += NR) {
    const w = min(NR, nc - jr);
    const d = dst + (<usize>(jr * kc) << 2);
    const s = src + (<usize>(jr * cs) << 2);
    let p = 0;
    if (w == NR && cs == 1) {
      const rb = <usize>rs << 2;
      for (let at = s; p < kc; p++, at += rb) {
        const o = d + (<usize>p << 5);
        v128.store(o, v128.load(at));
        v128.store(o, v128.load(at, 16), 16);
      }
    } else if (w == NR && rs == 1) {
      const cb = <usize>cs << 2;
      for (; p + 4 <= kc; p += 4) {
        const lo = s + (<usize>p << 2);
        const hi = lo + 4 * cb;
        const o = d + (<usize>p << 5);
        transpose4(v128.load(lo), v128.load(lo + cb), v128.load(lo + 2 * cb), v128.load(lo + 3 * cb), o, 32);
        transpose4(v128.load(hi), v128.load(hi + cb), v128.load(hi + 2 * cb), v128.load(hi + 3 * cb), o + 16, 32);
      }
    }
    const width = w <= NR_NARROW ? NR_NARROW : NR;
    for (; p < kc; p++) {
      for (let j = 0; j < width; j++) {
        store<f32>(d + (<usize>(p * width + j) << 2), j < w ? load<f32>(s + (<usize>(p * rs + j * cs) << 2)) : 0);
      }
    }
  }
}

/** The view (src, rs, cs) of kc x nc (nc <= 12) as one 12-wide panel, zero-padded; row-major sources a vector at a time. */
export function packB12(src: usize, rs: i32, cs: i32, kc: i32, nc: i32, dst: usize): void {
  const whole = cs == 1 ? nc & ~3 : 0;
  for (let p = 0; p < kc; p++) {
    const d = dst + (<usize>(p * NR_WIDE) << 2);
    const s = src + (<usize>(p * rs) << 2);
    let j = 0;
    for (; j < whole; j += 4) v128.store(d + (<usize>j << 2), v128.load(s + (<usize>j << 2)));
    for (; j < nc; j++) store<f32>(d + (<usize>j << 2), load<f32>(s + (<usize>(j * cs) << 2)));
    for (; j < NR_WIDE; j++) store<f32>(d + (<usize>j << 2), 0);
  }
}

