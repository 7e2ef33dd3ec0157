import { type NDArray, sizeOf, unravel, ravel } from './ndarray.js';

/** out[pre, idx..., post] = x[pre, indices[idx...], post]; indices are whole numbers. */
export function gather(x: NDArray, indices: NDArray, axis = 0): NDArray {
  const ax = axis < 0 ? axis + x.shape.length : axis;
  const shape = [...x.shape.slice(0, ax), ...indices.shape, ...x.shape.slice(ax + 1)];
  const data = new Float64Array(sizeOf(shape));
  const ir = indices.shape.length;
  for (let o = 0; o < data.length; o++) {
    const idx = unravel(o, shape);
    const which = indices.data[ravel(idx.slice(ax, ax + ir), indices.shape)]!;
    const inIdx = [...idx.slice(0, ax), which, ...idx.slice(ax + ir)];
    data[o] = x.data[ravel(inIdx, x.shape)]!;
  }
  return { shape, data };
}

/** Unsorted segment sum: out[segmentIds[i...], rest] += x[i..., rest]. */
export function scatterAdd(x: NDArray, segmentIds: NDArray, numSegments: number): NDArray {
  const sr = segmentIds.shape.length;
  const rest = x.shape.slice(sr);
  const shape = [numSegments, ...rest];
  const data = new Float64Array(sizeOf(shape));
  for (let i = 0; i < x.data.length; i++) {
    const idx = unravel(i, x.shape);
    const seg = segmentIds.data[ravel(idx.slice(0, sr), segmentIds.shape)]!;
    data[ravel([seg, ...idx.slice(sr)], shape)]! += x.data[i]!;
  }
  return { shape, data };
}
