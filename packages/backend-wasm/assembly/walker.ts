/**
 * The strided walker every layout-generic kernel uses. The TypeScript side merges dimensions that
 * all operands walk contiguously and writes a parameter block of u32 words:
 *
 *   [rank, operands, shape[rank], strides[operands][rank] (in elements, may be 0), then scratch:
 *    counters[rank], offsets[operands]]
 *
 * A kernel visits the innermost dimension as runs: it reads each operand's element offset from
 * `offsets`, processes `shape[rank-1]` elements with the innermost strides, then calls advance().
 */

// @ts-ignore: decorator
@inline export function walkRank(p: usize): i32 { return load<i32>(p); }
// @ts-ignore: decorator
@inline export function walkOperands(p: usize): i32 { return load<i32>(p, 4); }
// @ts-ignore: decorator
@inline export function walkShape(p: usize, d: i32): i32 { return load<i32>(p + 8 + (<usize>d << 2)); }
// @ts-ignore: decorator
@inline export function walkStride(p: usize, o: i32, d: i32): i32 {
  return load<i32>(p + 8 + (<usize>(walkRank(p) * (1 + o) + d) << 2));
}
// @ts-ignore: decorator
@inline function countersAt(p: usize): usize { return p + 8 + (<usize>(walkRank(p) * (1 + walkOperands(p))) << 2); }
// @ts-ignore: decorator
@inline function offsetsAt(p: usize): usize { return countersAt(p) + (<usize>walkRank(p) << 2); }

/** Element offset of operand o at the current run. */
// @ts-ignore: decorator
@inline export function walkOffset(p: usize, o: i32): i32 { return load<i32>(offsetsAt(p) + (<usize>o << 2)); }

/** Length of every run (the innermost dimension). */
// @ts-ignore: decorator
@inline export function walkRun(p: usize): i32 { return walkShape(p, walkRank(p) - 1); }

/** Innermost stride of operand o. */
// @ts-ignore: decorator
@inline export function walkInner(p: usize, o: i32): i32 { return walkStride(p, o, walkRank(p) - 1); }

/** Zeroes the counters and offsets; false when some dimension is empty (nothing to visit). */
export function walkStart(p: usize): bool {
  const rank = walkRank(p);
  const ops = walkOperands(p);
  const c = countersAt(p);
  for (let d = 0; d < rank; d++) {
    if (walkShape(p, d) == 0) return false;
    store<i32>(c + (<usize>d << 2), 0);
  }
  const o = offsetsAt(p);
  for (let i = 0; i < ops; i++) store<i32>(o + (<usize>i << 2), 0);
  return true;
}

/** Moves to the next run in row-major order; false after the last one. */
export function walkAdvance(p: usize): bool {
  const rank = walkRank(p);
  const ops = walkOperands(p);
  const c = countersAt(p);
  const o = offsetsAt(p);
  for (let d = rank - 2; d >= 0; d--) {
    const at = c + (<usize>d << 2);
    const n = walkShape(p, d);
    const k = load<i32>(at) + 1;
    if (k < n) {
      store<i32>(at, k);
      for (let i = 0; i < ops; i++) {
        const oi = o + (<usize>i << 2);
        store<i32>(oi, load<i32>(oi) + walkStride(p, i, d));
      }
      return true;
    }
    store<i32>(at, 0);
    for (let i = 0; i < ops; i++) {
      const oi = o + (<usize>i << 2);
      store<i32>(oi, load<i32>(oi) - walkStride(p, i, d) * (n - 1));
    }
  }
  return false;
}
