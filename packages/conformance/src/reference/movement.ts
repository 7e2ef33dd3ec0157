import { type NDArray, sizeOf, unravel, ravel } from './ndarray.js';

/** out[i0..] = x[i_perm^-1..]: output dim d is input dim perm[d]. Default perm reverses. */
export function transpose(x: NDArray, perm?: readonly number[]): NDArray {
  const p = perm ?? [...x.shape.keys()].reverse();
  const shape = p.map((d) => x.shape[d]!);
  const data = new Float64Array(x.data.length);
  for (let o = 0; o < data.length; o++) {
    const outIdx = unravel(o, shape);
    const inIdx = new Array<number>(x.shape.length);
    p.forEach((d, i) => (inIdx[d] = outIdx[i]!));
    data[o] = x.data[ravel(inIdx, x.shape)]!;
  }
  return { shape, data };
}

/** size[d] = -1 means "to the end of dim d". */
export function slice(x: NDArray, begin: readonly number[], size: readonly number[]): NDArray {
  const shape = size.map((s, d) => (s === -1 ? x.shape[d]! - begin[d]! : s));
  const data = new Float64Array(sizeOf(shape));
  for (let o = 0; o < data.length; o++) {
    const idx = unravel(o, shape).map((v, d) => v + begin[d]!);
    data[o] = x.data[ravel(idx, x.shape)]!;
  }
  return { shape, data };
}

export function concat(xs: readonly NDArray[], axis: number): NDArray {
  const ax = axis < 0 ? axis + xs[0]!.shape.length : axis;
  const shape = [...xs[0]!.shape];
  shape[ax] = xs.reduce((s, x) => s + x.shape[ax]!, 0);
  const data = new Float64Array(sizeOf(shape));
  for (let o = 0; o < data.length; o++) {
    const idx = unravel(o, shape);
    // Walk the inputs to find which one owns this position along the axis.
    let along = idx[ax]!;
    let part = 0;
    while (along >= xs[part]!.shape[ax]!) along -= xs[part++]!.shape[ax]!;
    idx[ax] = along;
    data[o] = xs[part]!.data[ravel(idx, xs[part]!.shape)]!;
  }
  return { shape, data };
}

export function pad(x: NDArray, paddings: readonly (readonly [number, number])[], value = 0): NDArray {
  const shape = x.shape.map((d, i) => paddings[i]![0] + d + paddings[i]![1]);
  const data = new Float64Array(sizeOf(shape));
  for (let o = 0; o < data.length; o++) {
    const idx = unravel(o, shape).map((v, d) => v - paddings[d]![0]);
    const inside = idx.every((v, d) => v >= 0 && v < x.shape[d]!);
    data[o] = inside ? x.data[ravel(idx, x.shape)]! : value;
  }
  return { shape, data };
}
