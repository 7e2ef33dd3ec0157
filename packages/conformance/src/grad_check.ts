import { type Tensor, dispose, grads } from '@dlts/core';
import { expectClose, readout } from './compare.js';
import type { Inputs } from './random_inputs.js';
import type { NDArray } from './reference/ndarray.js';
import { numericGrads } from './reference/numeric_grad.js';
import type { SuiteContext } from './suite_context.js';
import { type Input, toTensor } from './tensors.js';

export interface GradCase {
  /** The inputs differentiated with respect to (all of them), as float reference arrays. */
  readonly xs: readonly NDArray[];
  /** Non-differentiated inputs (conditions, indices), in their own dtypes; float ones get ctx.gradDType. */
  readonly constants?: readonly Input[];
  /** The function on the backend, through core's ops. */
  readonly f: (xs: Tensor[], constants: Tensor[]) => Tensor;
  /** The same function on the float64 reference (constants passed as arrays). */
  readonly ref: (xs: NDArray[], constants: NDArray[]) => NDArray;
  /** Tolerance multiplier for long accumulations (sqrt of the summed length). */
  readonly scale?: number;
}

/**
 * Checks core's analytic gradients of f (with a random upstream dy, on the backend under test)
 * against central differences of the float64 reference. Backends without float64 are checked
 * the same way: their float32 gradients against the float64 numeric ones.
 */
export function checkGrads(ctx: SuiteContext, rand: Inputs, c: GradCase): void {
  const constArrays = (c.constants ?? []).map((k) => k.x);
  const refF = (xs: NDArray[]): NDArray => c.ref(xs, constArrays);
  const yShape = refF([...c.xs]).shape;
  const dy = rand.uniform(yShape, -1, 1);
  const want = numericGrads(refF, c.xs, dy);

  const owned: Tensor[] = [];
  let got: Tensor[] = [];
  try {
    const xs = c.xs.map((x) => toTensor(x, ctx.gradDType));
    owned.push(...xs);
    const consts = (c.constants ?? []).map((k) => toTensor(k.x, k.dtype === 'int32' ? 'int32' : ctx.gradDType));
    owned.push(...consts);
    const dyT = toTensor(dy, ctx.gradDType);
    owned.push(dyT);
    got = grads((...args: Tensor[]) => c.f(args, consts))(xs, dyT);
    const tol = ctx.gradTolerance * (c.scale ?? 1);
    if (got.length !== c.xs.length) throw new Error(`grads returned ${got.length} gradients for ${c.xs.length} inputs`);
    got.forEach((g, i) => expectClose(`d/dx${i}`, readout(g), want[i]!, tol, ctx.gradDType));
  } finally {
    dispose([...owned, ...got]);
  }
}
