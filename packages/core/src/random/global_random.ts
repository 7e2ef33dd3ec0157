import { RandomState } from './random_state.js';

/**
 * The process-wide generator that initializers, dropout masks and fit()'s shuffling draw from when
 * no seed of their own is given (Keras's keras.utils.set_random_seed). Backends never draw.
 */
let global = new RandomState();

export function setSeed(seed: number): void {
  global = new RandomState(seed);
}

export function globalRandom(): RandomState {
  return global;
}
