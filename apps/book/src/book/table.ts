import type { data } from 'dlts';

/** A feature table and its labels as the notebooks hold them (numpy float64 rows, 0/1 or class labels). */
export interface Table {
  readonly x: data.DataArray<Float64Array>;
  readonly y: Float64Array;
}

/** Row count of a table. */
export function rows(t: Table): number {
  return t.x.shape[0]!;
}
