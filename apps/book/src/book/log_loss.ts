import { add, clip, log, mul, neg, sub, sum, type Tensor } from 'dlts';

/** The book clips activations to [1e-10, 1 - 1e-10] before taking logs. */
function clipActivation(a: Tensor): Tensor {
  return clip(a, 1e-10, 1 - 1e-10);
}

/**
 * Elementwise binary log loss as the book writes it: `-(y*log(a) + (1-y)*log(1-a))` on the
 * clipped activation. `y` is a number (one sample, Ch04-05) or a tensor like `a` (Ch06).
 */
export function binaryLogLoss(a: Tensor, y: Tensor | number): Tensor {
  const c = clipActivation(a);
  const notY = typeof y === 'number' ? 1 - y : sub(1, y);
  return neg(add(mul(y, log(c)), mul(notY, log(sub(1, c)))));
}

/** Ch07's summed categorical loss: `np.sum(-y*np.log(a))` on the clipped activation. */
export function categoricalLogLossSum(a: Tensor, y: Tensor): Tensor {
  return sum(mul(neg(y), log(clipActivation(a))));
}
