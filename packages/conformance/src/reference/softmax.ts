import type { NDArray } from './ndarray.js';

/** Applies f to each row along the last axis. */
function byRow(x: NDArray, f: (row: number[]) => number[]): NDArray {
  const n = x.shape[x.shape.length - 1] ?? 1;
  const data = new Float64Array(x.data.length);
  for (let start = 0; start < data.length; start += n) {
    data.set(f(Array.from(x.data.subarray(start, start + n))), start);
  }
  return { shape: [...x.shape], data };
}

/** exp(x - max) / sum: the max shift keeps large logits (e.g. 1000) finite in float64 too. */
export function softmax(x: NDArray): NDArray {
  return byRow(x, (row) => {
    const m = Math.max(...row);
    const e = row.map((v) => Math.exp(v - m));
    const s = e.reduce((p, q) => p + q, 0);
    return e.map((v) => v / s);
  });
}

export function logSoftmax(x: NDArray): NDArray {
  return byRow(x, (row) => {
    const m = Math.max(...row);
    const lse = m + Math.log(row.reduce((s, v) => s + Math.exp(v - m), 0));
    return row.map((v) => v - lse);
  });
}
