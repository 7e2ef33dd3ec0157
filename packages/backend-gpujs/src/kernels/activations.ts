import type { FusedActivation } from '@dlts/core';

/**
 * Kernel-source expressions of the activations, shared by the unary kernels and fusedMatmul.
 * Written so that large inputs saturate instead of overflowing: exp of a large argument is
 * +Infinity, and 1 / Infinity = 0 (gpu.js's own Math.tanh is (e - 1) / (e + 1), NaN there).
 */
export function sigmoid(v: string): string {
  return `1 / (1 + Math.exp(-(${v})))`;
}

export function tanh(v: string): string {
  return `(${v} < 0 ? -1 : 1) * (1 - 2 / (Math.exp(2 * Math.abs(${v})) + 1))`;
}

export function relu(v: string): string {
  return `(${v} > 0 ? ${v} : 0)`;
}

export function activation(act: FusedActivation, v: string): string {
  switch (act) {
    case 'linear': return v;
    case 'relu': return relu(v);
    case 'sigmoid': return sigmoid(v);
    case 'tanh': return tanh(v);
    default: {
      const unknown: never = act;
      throw new Error(`gpujs activation: unknown ${String(unknown)}`);
    }
  }
}
