import type { Tensor } from './tensor.js';
import { abs, square } from './ops/unary.js';
import { add, mul } from './ops/binary.js';
import { sum } from './ops/reduce.js';

/** Keras's weight penalties, added to the training loss: l1 * sum|w| + l2 * sum(w^2). */
export interface Regularizer {
  readonly l1: number;
  readonly l2: number;
}

export const l1 = (l1 = 0.01): Regularizer => ({ l1, l2: 0 });
export const l2 = (l2 = 0.01): Regularizer => ({ l1: 0, l2 });
export const l1l2 = ({ l1 = 0.01, l2 = 0.01 }: { l1?: number; l2?: number } = {}): Regularizer => ({ l1, l2 });

export function penalty(r: Regularizer, w: Tensor): Tensor {
  const parts: Tensor[] = [];
  if (r.l1) parts.push(mul(sum(abs(w)), r.l1));
  if (r.l2) parts.push(mul(sum(square(w)), r.l2));
  return parts.length === 2 ? add(parts[0]!, parts[1]!) : parts[0] ?? mul(sum(w), 0);
}
