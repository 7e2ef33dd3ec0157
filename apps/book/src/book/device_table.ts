import { tensor, type DType, type Tensor } from 'dlts';
import type { Table } from './table.js';
import type { Disposer } from './disposer.js';

export interface DeviceTable {
  /** [rows, features] */
  readonly x: Tensor;
  /** [rows], the labels in x's dtype (for comparisons on the device). */
  readonly y: Tensor;
  /** The labels on the host, as the book's loops index them (`y[i]`). */
  readonly labels: Float64Array;
}

/** Uploads a table in `dtype`, owned by `owner`. */
export function uploadTable(t: Table, dtype: DType, owner: Disposer): DeviceTable {
  return {
    x: owner.own(tensor(t.x.data, t.x.shape, dtype)),
    y: owner.own(tensor(t.y, [t.y.length], dtype)),
    labels: t.y,
  };
}
