import { DltsError, ShapeError } from '@dlts/core';

/** `[2,3]`, as core's messages write shapes. */
export function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}

/** The storage types loaders and preprocessing produce. */
export type Storage = Uint8Array | Int32Array | Float32Array | Float64Array;

/** A dense row-major array: typed storage and its shape (axis 0 indexes samples). */
export interface DataArray<T extends Storage = Storage> {
  readonly data: T;
  readonly shape: readonly number[];
}

/** Rows to split or batch: a DataArray (axis 0) or a plain list of items (e.g. IMDB's sequences). */
export type Rows = DataArray | readonly unknown[];

function count(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Pairs storage with a shape, checking that they agree. */
export function dataArray<T extends Storage>(data: T, shape: readonly number[]): DataArray<T> {
  if (shape.some((d) => !Number.isInteger(d) || d < 0)) throw new ShapeError(`dataArray: invalid shape ${fmtShape(shape)}`);
  if (count(shape) !== data.length) {
    throw new ShapeError(`dataArray: ${data.length} values do not fill shape ${fmtShape(shape)} (${count(shape)} elements)`);
  }
  return { data, shape: Object.freeze([...shape]) };
}

/** The same storage under another shape; one dimension may be -1 (inferred). */
export function reshape<T extends Storage>(a: DataArray<T>, shape: readonly number[]): DataArray<T> {
  const free = shape.indexOf(-1);
  if (free >= 0) {
    const known = count(shape.filter((_, i) => i !== free));
    if (known === 0 || a.data.length % known !== 0) {
      throw new ShapeError(`reshape: cannot infer -1 in ${fmtShape(shape)} for ${a.data.length} values (shape ${fmtShape(a.shape)})`);
    }
    shape = shape.map((d, i) => (i === free ? a.data.length / known : d));
  }
  if (count(shape) !== a.data.length) {
    throw new ShapeError(`reshape: ${fmtShape(a.shape)} (${a.data.length} values) cannot become ${fmtShape(shape)}`);
  }
  return dataArray(a.data, shape);
}

export function isDataArray(x: unknown): x is DataArray {
  return typeof x === 'object' && x !== null && 'data' in x && 'shape' in x && ArrayBuffer.isView((x as DataArray).data);
}

/** Number of rows (axis 0). */
export function rowCount(rows: Rows): number {
  if (!isDataArray(rows)) return rows.length;
  if (rows.shape.length === 0) throw new ShapeError('rowCount: a scalar (shape []) has no rows');
  return rows.shape[0]!;
}

/** A new array holding the given rows, in the given order (numpy's `a[indices]`). */
export function takeRows<R extends Rows>(rows: R, indices: ArrayLike<number>): R {
  const n = rowCount(rows);
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i]!;
    if (!Number.isInteger(r) || r < 0 || r >= n) throw new DltsError(`takeRows: index ${r} at position ${i} is outside [0, ${n})`);
  }
  if (!isDataArray(rows)) return Array.from({ length: indices.length }, (_, i) => rows[indices[i]!]) as unknown as R;
  const width = n === 0 ? 0 : rows.data.length / n;
  const Ctor = rows.data.constructor as new (length: number) => Storage;
  const out = new Ctor(indices.length * width);
  for (let i = 0; i < indices.length; i++) {
    const start = indices[i]! * width;
    out.set(rows.data.subarray(start, start + width), i * width);
  }
  return dataArray(out, [indices.length, ...rows.shape.slice(1)]) as R;
}
