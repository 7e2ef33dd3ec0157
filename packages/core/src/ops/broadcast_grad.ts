import { broadcastedAxes, shapesEqual } from '../shape_util.js';
import type { Tensor } from '../tensor.js';
import { sum } from './reduce.js';
import { reshape } from './shape.js';

/** Sums a gradient over the axes its operand was broadcast along, back to the operand's shape. */
export function sumToShape(dy: Tensor, shape: readonly number[]): Tensor {
  if (shapesEqual(dy.shape, shape)) return dy;
  const axes = broadcastedAxes(shape, dy.shape);
  const summed = axes.length > 0 ? sum(dy, axes) : dy;
  return reshape(summed, shape);
}
