/**
 * The 13 binary ops with numpy broadcasting, through the strided walker (operands: out, a, b).
 * Runs whose inputs advance by 0 or 1 element go four lanes at a time (a stride-0 operand is
 * splatted); float32 arithmetic matches the cpu backend bit for bit (one rounding of the exact
 * result), pow goes through f64. int32 follows JavaScript on an Int32Array: add, sub and mul wrap,
 * div floors (x // 0 stores 0), pow is the f64 power stored with ToInt32.
 */
import { Binary } from './op_codes';
import { lane0, maskToOne } from './simd';
import { toInt32 } from './simd';
import { walkAdvance, walkInner, walkOffset, walkRun, walkStart } from './walker';

// @ts-ignore: decorator
@inline function binaryF32(op: i32, a: v128, b: v128): v128 {
  switch (op) {
    case Binary.ADD: return f32x4.add(a, b);
    case Binary.SUB: return f32x4.sub(a, b);
    case Binary.MUL: return f32x4.mul(a, b);
    case Binary.DIV: return f32x4.div(a, b);
    case Binary.MAXIMUM: return f32x4.max(a, b);
    case Binary.MINIMUM: return f32x4.min(a, b);
    case Binary.EQUAL: return maskToOne(f32x4.eq(a, b));
    case Binary.NOT_EQUAL: return maskToOne(f32x4.ne(a, b));
    case Binary.LESS: return maskToOne(f32x4.lt(a, b));
    case Binary.LESS_EQUAL: return maskToOne(f32x4.le(a, b));
    case Binary.GREATER: return maskToOne(f32x4.gt(a, b));
    case Binary.GREATER_EQUAL: return maskToOne(f32x4.ge(a, b));
    default: return a;
  }
}

// @ts-ignore: decorator
@inline function binaryI32(op: i32, a: v128, b: v128): v128 {
  const one = i32x4.splat(1);
  switch (op) {
    case Binary.ADD: return i32x4.add(a, b);
    case Binary.SUB: return i32x4.sub(a, b);
    case Binary.MUL: return i32x4.mul(a, b);
    case Binary.MAXIMUM: return i32x4.max_s(a, b);
    case Binary.MINIMUM: return i32x4.min_s(a, b);
    case Binary.EQUAL: return v128.and(i32x4.eq(a, b), one);
    case Binary.NOT_EQUAL: return v128.and(i32x4.ne(a, b), one);
    case Binary.LESS: return v128.and(i32x4.lt_s(a, b), one);
    case Binary.LESS_EQUAL: return v128.and(i32x4.le_s(a, b), one);
    case Binary.GREATER: return v128.and(i32x4.gt_s(a, b), one);
    case Binary.GREATER_EQUAL: return v128.and(i32x4.ge_s(a, b), one);
    default: return a;
  }
}

/** Ops computed one element at a time in f64 (no vector instruction fits). */
// @ts-ignore: decorator
@inline function isScalarOp(op: i32, isInt: bool): bool {
  return op == Binary.POW || (isInt && op == Binary.DIV);
}

// @ts-ignore: decorator
@inline function scalarOp(op: i32, isInt: bool, a: usize, b: usize, out: usize): void {
  if (isInt) {
    const x = <f64>load<i32>(a);
    const y = <f64>load<i32>(b);
    store<i32>(out, toInt32(op == Binary.POW ? Math.pow(x, y) : Math.floor(x / y)));
  } else {
    store<f32>(out, <f32>Math.pow(<f64>load<f32>(a), <f64>load<f32>(b)));
  }
}

/** One element through the vector op (loop tails and odd strides round exactly like the body). */
// @ts-ignore: decorator
@inline function oneElement(op: i32, isInt: bool, a: usize, b: usize, out: usize): void {
  if (isScalarOp(op, isInt)) scalarOp(op, isInt, a, b, out);
  else if (isInt) store<i32>(out, i32x4.extract_lane(binaryI32(op, v128.load32_splat(a), v128.load32_splat(b)), 0));
  else store<f32>(out, lane0(binaryF32(op, v128.load32_splat(a), v128.load32_splat(b))));
}

// @ts-ignore: decorator
@inline function fetch(p: usize, stride: i32): v128 {
  return stride != 0 ? v128.load(p) : v128.load32_splat(p);
}

function binaryRun(op: i32, isInt: bool, out: usize, a: usize, as: i32, b: usize, bs: i32, n: i32): void {
  let i = 0;
  if (!isScalarOp(op, isInt) && (as == 0 || as == 1) && (bs == 0 || bs == 1)) {
    const ab = <usize>(as << 4);
    const bb = <usize>(bs << 4);
    if (isInt) {
      for (; i + 4 <= n; i += 4, out += 16, a += ab, b += bb) v128.store(out, binaryI32(op, fetch(a, as), fetch(b, bs)));
    } else {
      for (; i + 4 <= n; i += 4, out += 16, a += ab, b += bb) v128.store(out, binaryF32(op, fetch(a, as), fetch(b, bs)));
    }
  }
  const ad = <usize>(as << 2);
  const bd = <usize>(bs << 2);
  for (; i < n; i++, out += 4, a += ad, b += bd) oneElement(op, isInt, a, b, out);
}

/** out = a op b over the walk `p` (operands 0: out, 1: a, 2: b); int32 when isInt. */
export function binary(op: i32, isInt: bool, p: usize, out: usize, a: usize, b: usize): void {
  if (!walkStart(p)) return;
  const n = walkRun(p);
  const os = walkInner(p, 0);
  const as = walkInner(p, 1);
  const bs = walkInner(p, 2);
  do {
    const o = out + (<usize>walkOffset(p, 0) << 2);
    const x = a + (<usize>walkOffset(p, 1) << 2);
    const y = b + (<usize>walkOffset(p, 2) << 2);
    if (os == 1) {
      binaryRun(op, isInt, o, x, as, y, bs, n);
    } else {
      for (let i = 0; i < n; i++) {
        oneElement(op, isInt, x + (<usize>(i * as) << 2), y + (<usize>(i * bs) << 2), o + (<usize>(i * os) << 2));
      }
    }
  } while (walkAdvance(p));
}
