import { add, clip, div, exp, neg, type Tensor } from 'dlts';

/**
 * The book's sigmoid: z is clipped to [-100, inf) first so exp(-z) cannot overflow
 * (`np.clip(z, -100, None)`), then 1 / (1 + exp(-z)), in that order of operations.
 */
export function bookSigmoid(z: Tensor): Tensor {
  return div(1, add(1, exp(neg(clip(z, -100, Infinity)))));
}
