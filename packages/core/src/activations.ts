import { DltsError } from './errors.js';
import type { Tensor } from './tensor.js';
import { relu, sigmoid, tanh } from './ops/unary.js';
import { softmax } from './ops/softmax.js';

export type ActivationName = 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'softmax';
export type ActivationFn = (x: Tensor) => Tensor;

const ACTIVATIONS: Record<ActivationName, ActivationFn> = {
  linear: (x) => x,
  sigmoid,
  tanh,
  relu,
  softmax,
};

export function getActivation(name: ActivationName | undefined, where: string): ActivationFn {
  const fn = ACTIVATIONS[name ?? 'linear'];
  if (!fn) throw new DltsError(`${where}: unknown activation '${name}' (known: ${Object.keys(ACTIVATIONS).join(', ')})`);
  return fn;
}
