import type { KernelTensor, TypedArray, UnaryKernel } from '@dlts/core';
import { allocate, makeTensor } from './alloc.js';
import { relu, sigmoid } from './activations.js';

/** Elementwise unary op in the input's dtype (int32 results truncate and wrap on store). */
export function unary(op: UnaryKernel, x: KernelTensor<TypedArray>): KernelTensor<TypedArray> {
  const X = x.storage;
  const n = X.length;
  const out = allocate(x.dtype, n);
  switch (op) {
    case 'neg': for (let i = 0; i < n; i++) out[i] = -X[i]; break;
    case 'abs': for (let i = 0; i < n; i++) out[i] = Math.abs(X[i]); break;
    case 'sign':
      for (let i = 0; i < n; i++) {
        const v = X[i];
        // Comparisons as numbers, not branches (signs are unpredictable); NaN stays NaN.
        out[i] = v === v ? +(v > 0) - +(v < 0) : v;
      }
      break;
    case 'exp': for (let i = 0; i < n; i++) out[i] = Math.exp(X[i]); break;
    case 'log': for (let i = 0; i < n; i++) out[i] = Math.log(X[i]); break;
    case 'sqrt': for (let i = 0; i < n; i++) out[i] = Math.sqrt(X[i]); break;
    case 'square':
      // int32 squares wrap like C; a double product would lose the low bits past 2^53.
      if (x.dtype === 'int32') for (let i = 0; i < n; i++) out[i] = Math.imul(X[i], X[i]);
      else for (let i = 0; i < n; i++) out[i] = X[i] * X[i];
      break;
    case 'reciprocal': for (let i = 0; i < n; i++) out[i] = 1 / X[i]; break;
    case 'tanh': for (let i = 0; i < n; i++) out[i] = Math.tanh(X[i]); break;
    case 'sigmoid': for (let i = 0; i < n; i++) out[i] = sigmoid(X[i]); break;
    case 'relu': for (let i = 0; i < n; i++) out[i] = relu(X[i]); break;
    case 'step': for (let i = 0; i < n; i++) out[i] = +(X[i] > 0); break;
    default: {
      const unknown: never = op;
      throw new Error(`cpu unary: unknown op ${String(unknown)}`);
    }
  }
  return makeTensor(out, x.shape, x.dtype);
}
