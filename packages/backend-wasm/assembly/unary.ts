/**
 * The 12 unary ops, float32 four lanes at a time and int32 element by element. Float32 results
 * match the cpu backend's (an f64 computation rounded once) exactly for the arithmetic ops and
 * within about 1 ulp for exp, tanh and sigmoid; log is computed in f64 and rounded.
 */
import { Unary } from './op_codes';
import { expv, lane0, maskToOne, sigmoidv, tanhv, toInt32 } from './simd';

// @ts-ignore: decorator
@inline function unaryV(op: i32, v: v128): v128 {
  switch (op) {
    case Unary.NEG: return f32x4.neg(v);
    case Unary.ABS: return f32x4.abs(v);
    case Unary.SIGN: {
      const zero = f32x4.splat(0);
      const s = f32x4.sub(maskToOne(f32x4.gt(v, zero)), maskToOne(f32x4.lt(v, zero)));
      // NaN stays NaN.
      return v128.bitselect(v, s, f32x4.ne(v, v));
    }
    case Unary.EXP: return expv(v);
    case Unary.SQRT: return f32x4.sqrt(v);
    case Unary.SQUARE: return f32x4.mul(v, v);
    case Unary.RECIPROCAL: return f32x4.div(f32x4.splat(1), v);
    case Unary.TANH: return tanhv(v);
    case Unary.SIGMOID: return sigmoidv(v);
    // v > 0 ? v : 0, so NaN and -0 give +0 as in the cpu backend.
    case Unary.RELU: return v128.and(v, f32x4.gt(v, f32x4.splat(0)));
    case Unary.STEP: return maskToOne(f32x4.gt(v, f32x4.splat(0)));
    default: return v;
  }
}

export function unary_f32(op: i32, x: usize, out: usize, n: i32): void {
  if (op == Unary.LOG) {
    for (let i = 0; i < n; i++) {
      const at = <usize>i << 2;
      store<f32>(out + at, <f32>Math.log(<f64>load<f32>(x + at)));
    }
    return;
  }
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i << 2;
    v128.store(out + at, unaryV(op, v128.load(x + at)));
  }
  for (; i < n; i++) {
    const at = <usize>i << 2;
    store<f32>(out + at, lane0(unaryV(op, f32x4.splat(load<f32>(x + at)))));
  }
}

/** int32: wrapping integer ops where they exist, else the float op in f64 stored with ToInt32. */
export function unary_i32(op: i32, x: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const at = <usize>i << 2;
    const v = load<i32>(x + at);
    let r: i32;
    switch (op) {
      case Unary.NEG: r = -v; break;
      case Unary.ABS: r = v < 0 ? -v : v; break;
      case Unary.SIGN: r = <i32>(v > 0) - <i32>(v < 0); break;
      case Unary.SQUARE: r = v * v; break;
      case Unary.RELU: r = v > 0 ? v : 0; break;
      case Unary.STEP: r = <i32>(v > 0); break;
      case Unary.EXP: r = toInt32(Math.exp(<f64>v)); break;
      case Unary.LOG: r = toInt32(Math.log(<f64>v)); break;
      case Unary.SQRT: r = toInt32(Math.sqrt(<f64>v)); break;
      case Unary.RECIPROCAL: r = toInt32(1.0 / <f64>v); break;
      case Unary.TANH: r = toInt32(Math.tanh(<f64>v)); break;
      case Unary.SIGMOID: r = toInt32(1.0 / (1.0 + Math.exp(-<f64>v))); break;
      default: r = v;
    }
    store<i32>(out + at, r);
  }
}
