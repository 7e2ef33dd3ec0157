/** where (cond != 0 ? a : b, broadcast) and clip. */
import { toInt32 } from './simd';
import { walkAdvance, walkInner, walkOffset, walkRun, walkStart } from './walker';

/**
 * out = cond != 0 ? a : b over the walk `p` (operands 0: out, 1: cond, 2: a, 3: b). Values are
 * moved as 32-bit patterns, so one kernel serves float32 and int32 values; condInt says how to
 * read the condition (a float32 -0 counts as zero, NaN as non-zero, as in JavaScript).
 */
export function where(condInt: bool, p: usize, out: usize, cond: usize, a: usize, b: usize): void {
  if (!walkStart(p)) return;
  const n = walkRun(p);
  const os = <usize>walkInner(p, 0) << 2;
  const cs = <usize>walkInner(p, 1) << 2;
  const as = <usize>walkInner(p, 2) << 2;
  const bs = <usize>walkInner(p, 3) << 2;
  do {
    let o = out + (<usize>walkOffset(p, 0) << 2);
    let c = cond + (<usize>walkOffset(p, 1) << 2);
    let x = a + (<usize>walkOffset(p, 2) << 2);
    let y = b + (<usize>walkOffset(p, 3) << 2);
    for (let i = 0; i < n; i++, o += os, c += cs, x += as, y += bs) {
      const take = condInt ? load<i32>(c) != 0 : load<f32>(c) != 0;
      store<u32>(o, take ? load<u32>(x) : load<u32>(y));
    }
  } while (walkAdvance(p));
}

/** v < lo ? lo : v > hi ? hi : v, four lanes at a time; NaN stays NaN. */
export function clip_f32(x: usize, out: usize, n: i32, lo: f32, hi: f32): void {
  const l = f32x4.splat(lo);
  const h = f32x4.splat(hi);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i << 2;
    const v = v128.load(x + at);
    const upper = v128.bitselect(h, v, f32x4.gt(v, h));
    v128.store(out + at, v128.bitselect(l, upper, f32x4.lt(v, l)));
  }
  for (; i < n; i++) {
    const at = <usize>i << 2;
    const v = load<f32>(x + at);
    store<f32>(out + at, v < lo ? lo : v > hi ? hi : v);
  }
}

/** int32 clip with number bounds compared as numbers, the bound stored with ToInt32 (as an Int32Array would). */
export function clip_i32(x: usize, out: usize, n: i32, lo: f64, hi: f64): void {
  const li = toInt32(lo);
  const hiI = toInt32(hi);
  for (let i = 0; i < n; i++) {
    const at = <usize>i << 2;
    const v = load<i32>(x + at);
    const f = <f64>v;
    store<i32>(out + at, f < lo ? li : f > hi ? hiI : v);
  }
}
