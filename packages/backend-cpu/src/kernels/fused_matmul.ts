import type { FusedActivation, KernelTensor, TypedArray } from '@dlts/core';
import { matmul } from './matmul.js';
import { relu, sigmoid } from './activations.js';

/**
 * activation(a @ b + bias) for rank-2 a and b: the product comes from matmul, then bias and
 * activation are applied in place on that fresh result, saving two intermediate tensors. Each step
 * rounds to the output dtype, as the unfused ops would.
 */
export function fusedMatmul(
  a: KernelTensor<TypedArray>, b: KernelTensor<TypedArray>, bias: KernelTensor<TypedArray> | null,
  transposeA: boolean, transposeB: boolean, activation: FusedActivation,
): KernelTensor<TypedArray> {
  const product = matmul(
    { storage: a.storage, shape: [1, ...a.shape], dtype: a.dtype },
    { storage: b.storage, shape: [1, ...b.shape], dtype: b.dtype },
    transposeA, transposeB,
  );
  const [, m, n] = product.shape;
  const out = product.storage;
  const size = out.length;
  if (bias !== null) {
    const B = bias.storage;
    for (let i = 0, o = 0; i < m; i++) for (let j = 0; j < n; j++, o++) out[o] += B[j];
  }
  switch (activation) {
    case 'linear': break;
    case 'relu': for (let o = 0; o < size; o++) out[o] = relu(out[o]); break;
    case 'sigmoid': for (let o = 0; o < size; o++) out[o] = sigmoid(out[o]); break;
    case 'tanh': for (let o = 0; o < size; o++) out[o] = Math.tanh(out[o]); break;
    default: {
      const unknown: never = activation;
      throw new Error(`cpu fusedMatmul: unknown activation ${String(unknown)}`);
    }
  }
  return { storage: out, shape: [m, n], dtype: product.dtype };
}
