import { type NDArray, sizeOf, unravel } from './ndarray.js';

/** numpy broadcasting: align right, each pair of dims equal or one of them 1. */
export function broadcastShape(...shapes: (readonly number[])[]): number[] {
  const rank = Math.max(...shapes.map((s) => s.length));
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    let dim = 1;
    for (const s of shapes) {
      const d = s[s.length - rank + i] ?? 1;
      if (d !== 1 && dim !== 1 && d !== dim) {
        throw new Error(`broadcastShape: ${shapes.map((x) => `[${x.join(',')}]`).join(' vs ')}`);
      }
      if (d !== 1) dim = d;
    }
    out.push(dim);
  }
  return out;
}

/** The value of `x` at output multi-index `outIdx` once x is broadcast to the output's rank. */
export function broadcastAt(x: NDArray, outIdx: readonly number[]): number {
  const offset = outIdx.length - x.shape.length;
  let flat = 0;
  for (let d = 0; d < x.shape.length; d++) {
    const dim = x.shape[d]!;
    flat = flat * dim + (dim === 1 ? 0 : outIdx[offset + d]!);
  }
  return x.data[flat]!;
}

/** Elementwise f over the broadcast of all inputs. */
export function zipBroadcast(inputs: readonly NDArray[], f: (...v: number[]) => number): NDArray {
  const shape = broadcastShape(...inputs.map((x) => x.shape));
  const data = new Float64Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) {
    const idx = unravel(i, shape);
    data[i] = f(...inputs.map((x) => broadcastAt(x, idx)));
  }
  return { shape, data };
}
