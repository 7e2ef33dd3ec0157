import * as dl from '@dlts/core';
import { expectClose } from '../compare.js';
import { matmul } from '../reference/matmul.js';
import { UNARY_REFERENCE } from '../reference/elementwise.js';
import { zipBroadcast } from '../reference/broadcast.js';
import { type NDArray, mapND } from '../reference/ndarray.js';
import type { SuiteContext } from '../suite_context.js';
import { evaluateAll } from '../tensors.js';

const TRANSPOSES = [[false, false], [false, true], [true, false], [true, true]] as const;

/** Stored shape of an operand whose logical (untransposed) shape is [...batch, rows, cols]. */
function stored(batch: readonly number[], rows: number, cols: number, transposed: boolean): number[] {
  return transposed ? [...batch, cols, rows] : [...batch, rows, cols];
}

/** [batchA, batchB, m, k, n] cases: sizes 1, odd sizes, batch broadcast either way, rank 4, batched x rank 2. */
export const MATMUL_CASES: readonly (readonly [number[], number[], number, number, number])[] = [
  [[], [], 1, 1, 1],
  [[], [], 3, 5, 7],
  [[], [], 13, 7, 1],
  [[], [], 1, 13, 5],
  [[3], [3], 5, 7, 4],
  [[1], [3], 5, 7, 4],
  [[3], [1], 5, 7, 4],
  [[3], [], 5, 7, 4],
  [[2, 3], [2, 3], 4, 5, 2],
  [[1, 1], [2, 3], 4, 5, 2],
];

export type Activation = 'linear' | 'relu' | 'sigmoid' | 'tanh';
export const ACTIVATIONS: readonly Activation[] = ['linear', 'relu', 'sigmoid', 'tanh'];

/** activation(x @ w + b) on the reference. */
export function denseReference(x: NDArray, w: NDArray, b: NDArray | null, act: Activation): NDArray {
  const z = matmul(x, w);
  const zb = b ? zipBroadcast([z, b], (p, q) => p + q) : z;
  return act === 'linear' ? zb : mapND(zb, UNARY_REFERENCE[act]);
}

export function matmulSuite(ctx: SuiteContext): void {
  for (const [tA, tB] of TRANSPOSES) {
    ctx.floatTest('matmul', `transposeA=${tA} transposeB=${tB}: ranks 2-4, batch broadcast, sizes 1/5/7/13`, (dtype, r) => {
      for (const [batchA, batchB, m, k, n] of MATMUL_CASES) {
        const a = r.uniform(stored(batchA, m, k, tA), -1, 1);
        const b = r.uniform(stored(batchB, k, n, tB), -1, 1);
        const got = evaluateAll(dtype, [a, b], (x, y) => dl.matMul(x!, y!, tA, tB));
        const what = `matMul [${a.shape}] x [${b.shape}]`;
        expectClose(what, got, matmul(a, b, tA, tB), ctx.tolerance(dtype) * Math.sqrt(k), dtype);
      }
    });
  }
  ctx.floatTest('matmul', 'large: 257x129 by 129x65', (dtype, r) => {
    const a = r.uniform([257, 129], -1, 1);
    const b = r.uniform([129, 65], -1, 1);
    const got = evaluateAll(dtype, [a, b], (x, y) => dl.matMul(x!, y!));
    expectClose('matMul 257x129x65', got, matmul(a, b), ctx.tolerance(dtype) * Math.sqrt(129), dtype);
  });
  ctx.floatTest('matmul', 'large batched transposeB: [4,67,129] x [1,33,129]', (dtype, r) => {
    const a = r.uniform([4, 67, 129], -1, 1);
    const b = r.uniform([1, 33, 129], -1, 1);
    const got = evaluateAll(dtype, [a, b], (x, y) => dl.matMul(x!, y!, false, true));
    expectClose('matMul batched', got, matmul(a, b, false, true), ctx.tolerance(dtype) * Math.sqrt(129), dtype);
  });

  // dense() is the fusedMatmul kernel where a backend has it, composed ops otherwise.
  for (const act of ACTIVATIONS) {
    ctx.floatTest('fusedMatmul', `dense(x, w, b, '${act}') equals the composed reference`, (dtype, r) => {
      for (const [m, k, n] of [[5, 7, 3], [1, 13, 1], [33, 65, 17]] as const) {
        const x = r.uniform([m, k], -1, 1);
        const w = r.uniform([k, n], -1, 1);
        const b = r.uniform([n], -1, 1);
        const tol = ctx.tolerance(dtype) * Math.sqrt(k);
        const got = evaluateAll(dtype, [x, w, b], (xt, wt, bt) => dl.dense(xt!, wt!, bt, act));
        expectClose(`dense ${m}x${k}x${n} with bias`, got, denseReference(x, w, b, act), tol, dtype);
        const gotNoBias = evaluateAll(dtype, [x, w], (xt, wt) => dl.dense(xt!, wt!, undefined, act));
        expectClose(`dense ${m}x${k}x${n} without bias`, gotNoBias, denseReference(x, w, null, act), tol, dtype);
      }
    });
  }
}
