/**
 * softmax / logSoftmax along the last axis, row by row: the row max is subtracted before exp, the
 * exponentials are summed in four float32 lanes, and softmax divides (not multiplies by 1/sum).
 * A row's last 1-3 elements go through the vector code too, stored lane by lane, so short rows
 * (10 classes) cost few vector exps. Their missing lanes hold the row max, so exp sees 0 there (not
 * -Infinity, whose exp would pass through subnormals, which x86 handles ~100x slower), and are
 * masked to 0 before the sum.
 */
import { expv } from './simd';

/** The last `rem` (1..3) floats at p in the low lanes, `fill` in the others. */
// @ts-ignore: decorator
@inline function loadTail(p: usize, rem: i32, fill: f32): v128 {
  const f = f32x4.splat(fill);
  if (rem == 1) return f32x4.replace_lane(f, 0, load<f32>(p));
  if (rem == 2) return i64x2.replace_lane(f, 0, load<i64>(p));
  return f32x4.replace_lane(i64x2.replace_lane(f, 0, load<i64>(p)), 2, load<f32>(p, 8));
}

/** Stores the low `rem` (1..3) lanes of v at p. */
// @ts-ignore: decorator
@inline function storeTail(p: usize, v: v128, rem: i32): void {
  if (rem == 1) {
    v128.store32_lane(p, v, 0);
  } else {
    v128.store64_lane(p, v, 0);
    if (rem == 3) v128.store32_lane(p, v, 2, 8);
  }
}

// @ts-ignore: decorator
@inline function horizontalMax(m: v128): f32 {
  const pair = f32x4.max(m, f32x4.shuffle(m, m, 2, 3, 0, 1));
  return f32x4.extract_lane(f32x4.max(pair, f32x4.shuffle(pair, pair, 1, 0, 3, 2)), 0);
}

// @ts-ignore: decorator
@inline function horizontalSum(s: v128): f32 {
  return (f32x4.extract_lane(s, 0) + f32x4.extract_lane(s, 1)) + (f32x4.extract_lane(s, 2) + f32x4.extract_lane(s, 3));
}

export function softmax(log: bool, x: usize, out: usize, rows: i32, n: i32): void {
  const whole = n & ~3;
  const rem = n - whole;
  const tail = <usize>whole << 2;
  for (let r = 0; r < rows; r++) {
    const xr = x + (<usize>(r * n) << 2);
    const or = out + (<usize>(r * n) << 2);
    let mv = f32x4.splat(-Infinity);
    for (let i = 0; i < whole; i += 4) mv = f32x4.max(mv, v128.load(xr + (<usize>i << 2)));
    if (rem > 0) mv = f32x4.max(mv, loadTail(xr + tail, rem, -Infinity));
    const m = f32x4.splat(horizontalMax(mv));
    let sv = f32x4.splat(0);
    for (let i = 0; i < whole; i += 4) {
      const at = <usize>i << 2;
      const e = expv(f32x4.sub(v128.load(xr + at), m));
      sv = f32x4.add(sv, e);
      if (!log) v128.store(or + at, e);
    }
    let et = f32x4.splat(0);
    if (rem > 0) {
      const valid = rem == 1 ? i32x4(-1, 0, 0, 0) : rem == 2 ? i32x4(-1, -1, 0, 0) : i32x4(-1, -1, -1, 0);
      et = v128.and(expv(f32x4.sub(loadTail(xr + tail, rem, f32x4.extract_lane(m, 0)), m)), valid);
      sv = f32x4.add(sv, et);
    }
    const s = horizontalSum(sv);
    if (log) {
      // (x - max) - log(sum), from x.
      const ls = f32x4.splat(<f32>Math.log(<f64>s));
      for (let i = 0; i < whole; i += 4) {
        const at = <usize>i << 2;
        v128.store(or + at, f32x4.sub(f32x4.sub(v128.load(xr + at), m), ls));
      }
      if (rem > 0) storeTail(or + tail, f32x4.sub(f32x4.sub(loadTail(xr + tail, rem, f32x4.extract_lane(m, 0)), m), ls), rem);
    } else {
      const sum = f32x4.splat(s);
      for (let i = 0; i < whole; i += 4) {
        const at = <usize>i << 2;
        v128.store(or + at, f32x4.div(v128.load(or + at), sum));
      }
      if (rem > 0) storeTail(or + tail, f32x4.div(et, sum), rem);
    }
  }
}
