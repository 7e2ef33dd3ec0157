import * as dl from '@dlts/core';
import { expectClose, expectExact } from '../compare.js';
import { UNARY_KERNELS, type UnaryKernelName } from '../kernels.js';
import type { Inputs } from '../random_inputs.js';
import { unary } from '../reference/elementwise.js';
import { type NDArray, nd } from '../reference/ndarray.js';
import type { SuiteContext } from '../suite_context.js';
import { evaluateAll } from '../tensors.js';

/** Ranks 0 to 4, with sizes 1 and sizes that are not multiples of 4 or 8. */
export const ELEMENTWISE_SHAPES: readonly (readonly number[])[] = [[], [1], [7], [3, 5], [2, 3, 13], [2, 1, 3, 5]];

/** Random inputs inside each op's domain (log, sqrt, reciprocal) and in its interesting range. */
function domain(op: UnaryKernelName, r: Inputs, shape: readonly number[]): NDArray {
  switch (op) {
    case 'log': return r.uniform(shape, 0.05, 10);
    case 'sqrt': return r.uniform(shape, 0, 10);
    case 'reciprocal': return r.awayFromZero(shape, 0.1, 5);
    case 'exp': return r.uniform(shape, -5, 5);
    default: return r.uniform(shape, -3, 3);
  }
}

/** Fixed values at each op's edges: zeros for sign/step/relu/abs, saturation for sigmoid/tanh/exp. */
const EDGES: Record<UnaryKernelName, number[]> = {
  neg: [0, -0.5, 0.5, 1e6],
  abs: [0, -0.5, 0.5, -1e6],
  sign: [-2, -0.5, 0, 0.5, 2],
  exp: [-80, -1, 0, 1, 20],
  log: [1e-6, 0.5, 1, Math.E, 1e6],
  sqrt: [0, 0.25, 1, 2, 1e6],
  square: [0, -0.5, 3, -1e3],
  reciprocal: [-4, -0.5, 0.25, 1, 1e3],
  tanh: [-50, -1, 0, 1, 50],
  sigmoid: [-100, -30, -1, 0, 1, 30, 100],
  relu: [-2, -0.5, 0, 0.5, 2],
  step: [-2, -0.5, 0, 0.5, 2],
};

/** Core's op for each unary kernel. */
export const UNARY_OPS: Record<UnaryKernelName, (x: dl.Tensor) => dl.Tensor> = {
  neg: dl.neg, abs: dl.abs, sign: dl.sign, exp: dl.exp, log: dl.log, sqrt: dl.sqrt, square: dl.square,
  reciprocal: dl.reciprocal, tanh: dl.tanh, sigmoid: dl.sigmoid, relu: dl.relu, step: dl.step,
};

export function unarySuite(ctx: SuiteContext): void {
  for (const op of UNARY_KERNELS) {
    ctx.floatTest(op, 'ranks 0-4, sizes 1/3/5/7/13', (dtype, r) => {
      for (const shape of ELEMENTWISE_SHAPES) {
        const x = domain(op, r, shape);
        const got = evaluateAll(dtype, [x], (t) => UNARY_OPS[op](t));
        expectClose(`${op} [${shape.join(',')}]`, got, unary(op, x), ctx.tolerance(dtype), dtype);
      }
    });
    ctx.floatTest(op, `edge values ${EDGES[op].join(', ')}`, (dtype) => {
      const x = nd([EDGES[op].length], EDGES[op].map(Math.fround));
      const got = evaluateAll(dtype, [x], (t) => UNARY_OPS[op](t));
      const want = unary(op, x);
      // Ops that only move signs or pick values are exact; the rest are compared with tolerance.
      if (op === 'sign' || op === 'step' || op === 'relu' || op === 'abs' || op === 'neg') expectExact(op, got, want, dtype);
      else expectClose(op, got, want, ctx.tolerance(dtype), dtype);
    });
  }
}
