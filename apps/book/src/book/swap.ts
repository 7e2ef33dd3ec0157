import type { Tensor } from 'dlts';

/**
 * The book updates its weights in place (`self.w -= ...`); tensors are immutable, so each step
 * computes the new weights inside a tidy and swaps them in here, freeing the old ones.
 */
export function swap(old: Tensor | null, next: Tensor): Tensor {
  old?.dispose();
  return next;
}

/** A scalar tensor's value on the host: the one place a training loop reads the device. */
export function readScalar(t: Tensor): number {
  return t.dataSync()[0]!;
}
