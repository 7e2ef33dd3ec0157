/**
 * sum / max / min over any axes, and argmax. The reduction walks the input once in storage order
 * (operands 0: x, 1: out, with out's stride 0 along reduced axes): a run along a reduced axis
 * folds into one output (four partial lanes, then combined), a run along a kept axis combines
 * elementwise into a row of outputs. out must hold the op's identity first (reduce_init).
 * max / min propagate NaN as Math.max / Math.min do. int32 sums wrap.
 */
import { Reduce } from './op_codes';
import { walkAdvance, walkInner, walkOffset, walkRun, walkStart } from './walker';

// @ts-ignore: decorator
@inline function combineF32(op: i32, a: v128, b: v128): v128 {
  return op == Reduce.SUM ? f32x4.add(a, b) : op == Reduce.MAX ? f32x4.max(a, b) : f32x4.min(a, b);
}

// @ts-ignore: decorator
@inline function combineI32(op: i32, a: v128, b: v128): v128 {
  return op == Reduce.SUM ? i32x4.add(a, b) : op == Reduce.MAX ? i32x4.max_s(a, b) : i32x4.min_s(a, b);
}

// @ts-ignore: decorator
@inline function identityF32(op: i32): f32 {
  return op == Reduce.SUM ? 0 : op == Reduce.MAX ? -Infinity : Infinity;
}

// @ts-ignore: decorator
@inline function identityI32(op: i32): i32 {
  return op == Reduce.SUM ? 0 : op == Reduce.MAX ? i32.MIN_VALUE : i32.MAX_VALUE;
}

/** The op's identity in n outputs. */
export function reduce_init(op: i32, isInt: bool, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    if (isInt) store<i32>(out + (<usize>i << 2), identityI32(op));
    else store<f32>(out + (<usize>i << 2), identityF32(op));
  }
}

function foldF32(op: i32, x: usize, n: i32, start: f32): f32 {
  let acc = f32x4.splat(identityF32(op));
  let i = 0;
  for (; i + 4 <= n; i += 4) acc = combineF32(op, acc, v128.load(x + (<usize>i << 2)));
  for (; i < n; i++) acc = combineF32(op, acc, f32x4.replace_lane(f32x4.splat(identityF32(op)), 0, load<f32>(x + (<usize>i << 2))));
  const pair = combineF32(op, acc, f32x4.shuffle(acc, acc, 2, 3, 0, 1));
  const one = combineF32(op, pair, f32x4.shuffle(pair, pair, 1, 0, 3, 2));
  return f32x4.extract_lane(combineF32(op, one, f32x4.splat(start)), 0);
}

function foldI32(op: i32, x: usize, n: i32, start: i32): i32 {
  let acc = i32x4.splat(identityI32(op));
  let i = 0;
  for (; i + 4 <= n; i += 4) acc = combineI32(op, acc, v128.load(x + (<usize>i << 2)));
  for (; i < n; i++) acc = combineI32(op, acc, i32x4.replace_lane(i32x4.splat(identityI32(op)), 0, load<i32>(x + (<usize>i << 2))));
  const pair = combineI32(op, acc, i32x4.shuffle(acc, acc, 2, 3, 0, 1));
  const one = combineI32(op, pair, i32x4.shuffle(pair, pair, 1, 0, 3, 2));
  return i32x4.extract_lane(combineI32(op, one, i32x4.splat(start)), 0);
}

/** out[i] = op(out[i], x[i]) for i < n. */
function combineRun(op: i32, isInt: bool, out: usize, x: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i << 2;
    const a = v128.load(out + at);
    const b = v128.load(x + at);
    v128.store(out + at, isInt ? combineI32(op, a, b) : combineF32(op, a, b));
  }
  for (; i < n; i++) {
    const at = <usize>i << 2;
    if (isInt) store<i32>(out + at, i32x4.extract_lane(combineI32(op, i32x4.splat(load<i32>(out + at)), i32x4.splat(load<i32>(x + at))), 0));
    else store<f32>(out + at, f32x4.extract_lane(combineF32(op, f32x4.splat(load<f32>(out + at)), f32x4.splat(load<f32>(x + at))), 0));
  }
}

export function reduce(op: i32, isInt: bool, p: usize, x: usize, out: usize): void {
  if (!walkStart(p)) return;
  const n = walkRun(p);
  const folds = walkInner(p, 1) == 0;
  do {
    const xi = x + (<usize>walkOffset(p, 0) << 2);
    const oi = out + (<usize>walkOffset(p, 1) << 2);
    if (!folds) combineRun(op, isInt, oi, xi, n);
    else if (isInt) store<i32>(oi, foldI32(op, xi, n, load<i32>(oi)));
    else store<f32>(oi, foldF32(op, xi, n, load<f32>(oi)));
  } while (walkAdvance(p));
}

/**
 * Index of the first maximum along the middle axis of x viewed as [outer, len, inner]; a NaN counts
 * as the maximum (the first NaN wins), as in numpy. Rows of `inner` are scanned contiguously.
 */
export function argmax(isInt: bool, x: usize, out: usize, outer: i32, len: i32, inner: i32, best: usize): void {
  for (let o = 0; o < outer; o++) {
    const base = x + (<usize>(o * len * inner) << 2);
    const ob = out + (<usize>(o * inner) << 2);
    for (let j = 0; j < inner; j++) {
      store<i32>(ob + (<usize>j << 2), 0);
      store<u32>(best + (<usize>j << 2), load<u32>(base + (<usize>j << 2)));
    }
    for (let a = 1; a < len; a++) {
      const row = base + (<usize>(a * inner) << 2);
      for (let j = 0; j < inner; j++) {
        const at = <usize>j << 2;
        let wins: bool;
        if (isInt) {
          wins = load<i32>(row + at) > load<i32>(best + at);
        } else {
          const v = load<f32>(row + at);
          const m = load<f32>(best + at);
          wins = v > m || (v != v && m == m);
        }
        if (wins) {
          store<u32>(best + at, load<u32>(row + at));
          store<i32>(ob + at, a);
        }
      }
    }
  }
}
