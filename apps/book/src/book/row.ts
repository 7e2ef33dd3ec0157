import { reshape, slice, type Tensor } from 'dlts';

/** `x[i]` of a tensor of rows: row i with the leading axis dropped (a slice, then a view). */
export function row(x: Tensor, i: number): Tensor {
  const [, ...rest] = x.shape;
  return reshape(slice(x, [i, ...rest.map(() => 0)], [1, ...rest]), rest);
}
