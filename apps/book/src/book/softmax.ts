import { clip, div, exp, sum, type Tensor } from 'dlts';

/**
 * The book's softmax (Ch07): clip at -100, exp, divide by the row sum. There is no max
 * subtraction, as in the book; the clip keeps exp away from underflowing every entry.
 */
export function bookSoftmax(z: Tensor): Tensor {
  const e = exp(clip(z, -100, Infinity));
  return div(e, sum(e, 1, true));
}
