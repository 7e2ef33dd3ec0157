import { type NDArray, sizeOf } from './ndarray.js';

/**
 * a @ b for rank >= 2 with numpy batch broadcasting over the leading dims; transposeA/B swap the
 * last two dims of that operand before multiplying. Triple loop, accumulated in float64.
 */
export function matmul(a: NDArray, b: NDArray, transposeA = false, transposeB = false): NDArray {
  const ra = a.shape.length;
  const rb = b.shape.length;
  const [aRows, aCols] = [a.shape[ra - 2]!, a.shape[ra - 1]!];
  const [bRows, bCols] = [b.shape[rb - 2]!, b.shape[rb - 1]!];
  const m = transposeA ? aCols : aRows;
  const k = transposeA ? aRows : aCols;
  const kb = transposeB ? bCols : bRows;
  const n = transposeB ? bRows : bCols;
  if (k !== kb) throw new Error(`matmul: inner dims ${k} and ${kb}`);

  const batchA = a.shape.slice(0, -2);
  const batchB = b.shape.slice(0, -2);
  const rank = Math.max(batchA.length, batchB.length);
  const batch: number[] = [];
  for (let i = 0; i < rank; i++) {
    const da = batchA[batchA.length - rank + i] ?? 1;
    const db = batchB[batchB.length - rank + i] ?? 1;
    batch.push(Math.max(da, db));
  }
  const outShape = [...batch, m, n];
  const data = new Float64Array(sizeOf(outShape));
  const nBatch = sizeOf(batch);
  for (let bi = 0; bi < nBatch; bi++) {
    // Batch multi-index, then each operand's own batch offset (size-1 dims broadcast).
    let rem = bi;
    const idx = new Array<number>(rank);
    for (let d = rank - 1; d >= 0; d--) {
      idx[d] = rem % batch[d]!;
      rem = Math.floor(rem / batch[d]!);
    }
    const offsetOf = (bs: readonly number[]): number => {
      let flat = 0;
      for (let d = 0; d < bs.length; d++) {
        const dim = bs[d]!;
        flat = flat * dim + (dim === 1 ? 0 : idx[rank - bs.length + d]!);
      }
      return flat;
    };
    const aBase = offsetOf(batchA) * aRows * aCols;
    const bBase = offsetOf(batchB) * bRows * bCols;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let acc = 0;
        for (let p = 0; p < k; p++) {
          const av = a.data[aBase + (transposeA ? p * aCols + i : i * aCols + p)]!;
          const bv = b.data[bBase + (transposeB ? j * bCols + p : p * bCols + j)]!;
          acc += av * bv;
        }
        data[(bi * m + i) * n + j] = acc;
      }
    }
  }
  return { shape: outShape, data };
}
