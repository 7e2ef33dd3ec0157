import type { Padding } from '../backend/contract.js';

/** Keras's conv_output_length: the spatial size after a window of `size` (null stays null). */
export function convOutputLength(input: number | null, size: number, stride: number, dilation: number, padding: Padding): number | null {
  if (input === null) return null;
  const eff = (size - 1) * dilation + 1;
  const len = padding === 'same' ? input : input - eff + 1;
  return Math.floor((len + stride - 1) / stride);
}
