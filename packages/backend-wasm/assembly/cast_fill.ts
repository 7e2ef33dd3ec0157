/** dtype conversion and constant fills. */
import { toInt32 } from './simd';

/** float32 -> int32: truncation toward zero, wrapping like ToInt32 (in-range lanes four at a time). */
export function cast_f32_i32(x: usize, out: usize, n: i32): void {
  const limit = f32x4.splat(2147483520); // the largest float32 below 2^31
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i << 2;
    const v = v128.load(x + at);
    if (!v128.any_true(v128.not(f32x4.le(f32x4.abs(v), limit)))) {
      v128.store(out + at, i32x4.trunc_sat_f32x4_s(v));
    } else {
      for (let j: usize = 0; j < 16; j += 4) store<i32>(out + at + j, toInt32(<f64>load<f32>(x + at + j)));
    }
  }
  for (; i < n; i++) {
    const at = <usize>i << 2;
    store<i32>(out + at, toInt32(<f64>load<f32>(x + at)));
  }
}

/** int32 -> float32, rounding to nearest (what a Float32Array store of the integer does). */
export function cast_i32_f32(x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i << 2;
    v128.store(out + at, f32x4.convert_i32x4_s(v128.load(x + at)));
  }
  for (; i < n; i++) {
    const at = <usize>i << 2;
    store<f32>(out + at, <f32>load<i32>(x + at));
  }
}

/** Fills n 32-bit elements with one bit pattern (a float32 or an int32). */
export function fill32(out: usize, n: i32, bits: u32): void {
  const v = i32x4.splat(bits);
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(out + (<usize>i << 2), v);
  for (; i < n; i++) store<u32>(out + (<usize>i << 2), bits);
}
