import type { KernelTensor, TypedArray } from '@dlts/core';
import { allocate, makeTensor } from './alloc.js';
import { contiguousStrides, copyRun, forEachRun } from './strided.js';

/** Edge of the square tiles a matrix transpose is copied in, so reads and writes both stay in cache. */
const TILE = 32;

/** Permutes axes: output axis d is input axis perm[d]. Swapping the last two axes is tiled. */
export function transpose(x: KernelTensor<TypedArray>, perm: readonly number[]): KernelTensor<TypedArray> {
  const outShape = perm.map((d) => x.shape[d]);
  const X = x.storage;
  const out = allocate(x.dtype, X.length);
  const xStrides = contiguousStrides(x.shape);
  const r = perm.length;
  if (r >= 2 && perm[r - 1] === r - 2 && perm[r - 2] === r - 1 && perm.slice(0, r - 2).every((d, i) => d === i)) {
    transposeMatrices(X, out, X.length / (x.shape[r - 2] * x.shape[r - 1] || 1), x.shape[r - 2], x.shape[r - 1]);
  } else {
    forEachRun(outShape, [contiguousStrides(outShape), perm.map((d) => xStrides[d])], (o, n, inner) =>
      copyRun(out, o[0], inner[0], X, o[1], inner[1], n));
  }
  return makeTensor(out, outShape, x.dtype);
}

/** Swaps the last two axes of `batch` stacked rows x cols matrices, tile by tile. */
function transposeMatrices(X: TypedArray, out: TypedArray, batch: number, rows: number, cols: number): void {
  for (let b = 0, base = 0; b < batch; b++, base += rows * cols) {
    for (let i0 = 0; i0 < rows; i0 += TILE) {
      const i1 = Math.min(rows, i0 + TILE);
      for (let j0 = 0; j0 < cols; j0 += TILE) {
        const j1 = Math.min(cols, j0 + TILE);
        for (let j = j0; j < j1; j++) {
          for (let i = i0, s = base + i0 * cols + j, d = base + j * rows + i0; i < i1; i++, s += cols, d++) out[d] = X[s];
        }
      }
    }
  }
}
