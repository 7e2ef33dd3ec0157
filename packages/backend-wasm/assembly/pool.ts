/**
 * Max and average pooling (NHWC) and their gradients, on the geometry fields of a ConvJob. Every
 * output pixel is visited once with the byte offsets of its window cells that lie inside the input
 * (listed in row-major window order in `cells`): padding never wins a max and is not counted by an
 * average. Channels are the inner loop, four lanes at a time.
 */
import { ConvJob } from './conv';

/** Fills `cells` with the window cells of output (b, oy, ox) inside the input; returns their count. */
function windowCells(j: ConvJob, b: i32, oy: i32, ox: i32, cells: usize): i32 {
  let count = 0;
  const y0 = oy * j.strideH - j.padTop;
  const x0 = ox * j.strideW - j.padLeft;
  for (let fy = 0; fy < j.fh; fy++) {
    const iy = y0 + fy * j.dilationH;
    if (iy < 0 || iy >= j.inH) continue;
    for (let fx = 0; fx < j.fw; fx++) {
      const ix = x0 + fx * j.dilationW;
      if (ix < 0 || ix >= j.inW) continue;
      store<u32>(cells + (<usize>count << 2), <u32>(((b * j.inH + iy) * j.inW + ix) * j.inC) << 2);
      count++;
    }
  }
  return count;
}

const MAX = 0;
const AVG = 1;
const MAX_BACKWARD = 2;
const AVG_BACKWARD = 3;

/** out = the window max (first of ties irrelevant: values only). */
function maxWindow(x: usize, o: usize, cells: usize, count: i32, C: i32): void {
  let c = 0;
  for (; c + 4 <= C; c += 4) {
    const at = <usize>c << 2;
    let m = f32x4.splat(-Infinity);
    for (let w = 0; w < count; w++) {
      const v = v128.load(x + <usize>load<u32>(cells + (<usize>w << 2)) + at);
      m = v128.bitselect(v, m, f32x4.gt(v, m));
    }
    v128.store(o + at, m);
  }
  for (; c < C; c++) {
    const at = <usize>c << 2;
    let m: f32 = -Infinity;
    for (let w = 0; w < count; w++) {
      const v = load<f32>(x + <usize>load<u32>(cells + (<usize>w << 2)) + at);
      if (v > m) m = v;
    }
    store<f32>(o + at, m);
  }
}

/** Average over the window's in-image cells. */
function avgWindow(x: usize, o: usize, cells: usize, count: i32, C: i32): void {
  const inv = <f32>count;
  let c = 0;
  for (; c + 4 <= C; c += 4) {
    const at = <usize>c << 2;
    let s = f32x4.splat(0);
    for (let w = 0; w < count; w++) s = f32x4.add(s, v128.load(x + <usize>load<u32>(cells + (<usize>w << 2)) + at));
    v128.store(o + at, f32x4.div(s, f32x4.splat(inv)));
  }
  for (; c < C; c++) {
    const at = <usize>c << 2;
    let s: f32 = 0;
    for (let w = 0; w < count; w++) s += load<f32>(x + <usize>load<u32>(cells + (<usize>w << 2)) + at);
    store<f32>(o + at, s / inv);
  }
}

/** dx[first maximum of the window, per channel] += dy (first in row-major window order). */
function routeMax(x: usize, dy: usize, dx: usize, cells: usize, count: i32, C: i32): void {
  for (let c = 0; c < C; c++) {
    const at = <usize>c << 2;
    let best = load<f32>(x + <usize>load<u32>(cells) + at);
    let arg = <usize>load<u32>(cells);
    for (let w = 1; w < count; w++) {
      const cell = <usize>load<u32>(cells + (<usize>w << 2));
      const v = load<f32>(x + cell + at);
      if (v > best) {
        best = v;
        arg = cell;
      }
    }
    const d = dx + arg + at;
    store<f32>(d, load<f32>(d) + load<f32>(dy + at));
  }
}

/** Each window's dy shared equally by its in-image cells. */
function spreadWindow(dy: usize, dx: usize, cells: usize, count: i32, C: i32): void {
  const n = f32x4.splat(<f32>count);
  for (let w = 0; w < count; w++) {
    const cell = dx + <usize>load<u32>(cells + (<usize>w << 2));
    let c = 0;
    for (; c + 4 <= C; c += 4) {
      const at = <usize>c << 2;
      v128.store(cell + at, f32x4.add(v128.load(cell + at), f32x4.div(v128.load(dy + at), n)));
    }
    for (; c < C; c++) {
      const at = <usize>c << 2;
      store<f32>(cell + at, load<f32>(cell + at) + load<f32>(dy + at) / <f32>count);
    }
  }
}

/**
 * kind 0 maxPool(x) -> out, 1 avgPool(x) -> out, 2 maxPoolBackward(dy, x) -> out (dx),
 * 3 avgPoolBackward(dy) -> out (dx). `cells` is scratch for fh*fw offsets.
 */
export function pool(kind: i32, job: usize, x: usize, dy: usize, out: usize, cells: usize): void {
  const j = changetype<ConvJob>(job);
  const C = j.inC;
  if (kind == MAX_BACKWARD || kind == AVG_BACKWARD) memory.fill(out, 0, <usize>(j.batch * j.inH * j.inW * C) << 2);
  const step = <usize>C << 2;
  let o: usize = 0;
  for (let b = 0; b < j.batch; b++) {
    for (let oy = 0; oy < j.outH; oy++) {
      for (let ox = 0; ox < j.outW; ox++, o += step) {
        const count = windowCells(j, b, oy, ox, cells);
        if (kind == MAX) maxWindow(x, out + o, cells, count, C);
        else if (kind == AVG) avgWindow(x, out + o, cells, count, C);
        else if (count == 0) continue;
        else if (kind == MAX_BACKWARD) routeMax(x, dy + o, out, cells, count, C);
        else spreadWindow(dy + o, out, cells, count, C);
      }
    }
  }
}
