import { type DType, type Tensor, arrayConstructor, dispose, tensor } from '@dlts/core';
import { type Readout, readout } from './compare.js';
import type { NDArray } from './reference/ndarray.js';

/** A reference array and the dtype its backend tensor gets. */
export interface Input {
  readonly x: NDArray;
  readonly dtype: DType;
}

export const input = (x: NDArray, dtype: DType): Input => ({ x, dtype });

export function toTensor(x: NDArray, dtype: DType): Tensor {
  return tensor(x.data, x.shape, dtype);
}

/**
 * Makes the input tensors, runs fn on them, reads its result and disposes all of it, inputs
 * included, even when fn throws. fn is not wrapped in tidy: a tensor an op leaks shows up in the
 * leak check of the test that ran it. After the result is disposed the inputs must still hold
 * their values: kernels may neither mutate inputs nor hand back an input's storage.
 */
export function evaluate(inputs: readonly Input[], fn: (...ts: Tensor[]) => Tensor): Readout {
  const ts: Tensor[] = [];
  try {
    for (const i of inputs) ts.push(toTensor(i.x, i.dtype));
    const y = fn(...ts);
    let out: Readout;
    try {
      out = readout(y);
    } finally {
      y.dispose();
    }
    ts.forEach((t, i) => checkUnchanged(t, inputs[i]!, i));
    return out;
  } finally {
    dispose(ts);
  }
}

function checkUnchanged(t: Tensor, original: Input, which: number): void {
  const want = arrayConstructor(original.dtype).from(original.x.data);
  const now = t.dataSync();
  for (let j = 0; j < want.length; j++) {
    if (now[j] !== want[j]) {
      throw new Error(`input ${which} changed at [${j}]: was ${want[j]}, now ${now[j]} (a kernel mutated or aliased its input)`);
    }
  }
}

/** evaluate with every input in one dtype. */
export function evaluateAll(dtype: DType, xs: readonly NDArray[], fn: (...ts: Tensor[]) => Tensor): Readout {
  return evaluate(xs.map((x) => input(x, dtype)), fn);
}
