import { contiguousStrides } from './strided.js';

/**
 * Strides that read an operand of `shape` as if it had `outShape` (numpy broadcasting): aligned to
 * the output's rank, 0 on the dimensions the operand lacks or has as 1.
 */
export function broadcastStrides(shape: readonly number[], outShape: readonly number[]): number[] {
  const own = contiguousStrides(shape);
  const offset = outShape.length - shape.length;
  const strides = new Array<number>(outShape.length).fill(0);
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] !== 1) strides[d + offset] = own[d];
  }
  return strides;
}
