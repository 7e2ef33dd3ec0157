/**
 * Data movement on 32-bit elements (float32 and int32 alike): strided copies (transpose, slice,
 * pad, concat), a tiled matrix transpose, gather along an axis, and scatterAdd.
 */
import { walkAdvance, walkInner, walkOffset, walkRun, walkStart } from './walker';

/** dst[walk] = src[walk] (operands 0: dst, 1: src); contiguous runs become memory.copy. */
export function copy_strided(p: usize, dst: usize, src: usize): void {
  if (!walkStart(p)) return;
  const n = walkRun(p);
  const ds = walkInner(p, 0);
  const ss = walkInner(p, 1);
  do {
    let d = dst + (<usize>walkOffset(p, 0) << 2);
    let s = src + (<usize>walkOffset(p, 1) << 2);
    if (ds == 1 && ss == 1) {
      memory.copy(d, s, <usize>n << 2);
    } else {
      const dd = <usize>ds << 2;
      const sd = <usize>ss << 2;
      for (let i = 0; i < n; i++, d += dd, s += sd) store<u32>(d, load<u32>(s));
    }
  } while (walkAdvance(p));
}

/** Edge of the square tiles a transpose is copied in, so reads and writes both stay in cache. */
const TILE = 32;

/** Swaps the last two axes of `batch` stacked rows x cols matrices, tile by tile. */
export function transpose2d(src: usize, dst: usize, batch: i32, rows: i32, cols: i32): void {
  const plane = <usize>(rows * cols) << 2;
  for (let b = 0; b < batch; b++) {
    const s0 = src + <usize>b * plane;
    const d0 = dst + <usize>b * plane;
    for (let i0 = 0; i0 < rows; i0 += TILE) {
      const i1 = min(rows, i0 + TILE);
      for (let j0 = 0; j0 < cols; j0 += TILE) {
        const j1 = min(cols, j0 + TILE);
        for (let j = j0; j < j1; j++) {
          let s = s0 + (<usize>(i0 * cols + j) << 2);
          let d = d0 + (<usize>(j * rows + i0) << 2);
          const step = <usize>cols << 2;
          for (let i = i0; i < i1; i++, s += step, d += 4) store<u32>(d, load<u32>(s));
        }
      }
    }
  }
}

/** out [outer, count, inner] = x [outer, len, inner] at the int32 indices (range-checked by core). */
export function gather(x: usize, indices: usize, out: usize, outer: i32, len: i32, inner: i32, count: i32): void {
  const row = <usize>inner << 2;
  let d = out;
  for (let o = 0; o < outer; o++) {
    const base = x + <usize>(o * len) * row;
    for (let i = 0; i < count; i++, d += row) {
      memory.copy(d, base + <usize>load<i32>(indices + (<usize>i << 2)) * row, row);
    }
  }
}

/**
 * Unsorted segment sum: out [segments, inner] (zeroed here) += x [count, inner] by segment id;
 * ids outside [0, segments) are dropped, as TensorFlow's unsorted_segment_sum does.
 */
export function scatter_add(isInt: bool, x: usize, ids: usize, out: usize, count: i32, inner: i32, segments: i32): void {
  memory.fill(out, 0, <usize>(segments * inner) << 2);
  for (let i = 0; i < count; i++) {
    const seg = load<i32>(ids + (<usize>i << 2));
    if (seg < 0 || seg >= segments) continue;
    const s = x + (<usize>(i * inner) << 2);
    const d = out + (<usize>(seg * inner) << 2);
    let j = 0;
    for (; j + 4 <= inner; j += 4) {
      const at = <usize>j << 2;
      const a = v128.load(d + at);
      const b = v128.load(s + at);
      v128.store(d + at, isInt ? i32x4.add(a, b) : f32x4.add(a, b));
    }
    for (; j < inner; j++) {
      const at = <usize>j << 2;
      if (isInt) store<i32>(d + at, load<i32>(d + at) + load<i32>(s + at));
      else store<f32>(d + at, load<f32>(d + at) + load<f32>(s + at));
    }
  }
}
