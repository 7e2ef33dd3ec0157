import { equal, sum, tidy, type Tensor } from 'dlts';
import { readScalar } from './swap.js';

/**
 * `np.mean(predictions == y)`: the matches are counted on the device (an exact integer in any
 * float dtype) and divided on the host in float64, as numpy's mean of booleans is.
 */
export function accuracy(predictions: Tensor, y: Tensor): number {
  const n = predictions.size;
  const matches = tidy(() => readScalar(sum(equal(predictions, y))));
  return matches / n;
}
