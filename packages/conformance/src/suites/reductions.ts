import * as dl from '@dlts/core';
import { expectClose, expectExact } from '../compare.js';
import { argmax, normaliseAxes, reduce } from '../reference/reduce.js';
import { type NDArray, nd } from '../reference/ndarray.js';
import type { Inputs } from '../random_inputs.js';
import type { SuiteContext } from '../suite_context.js';
import { evaluateAll } from '../tensors.js';

type Axis = number | number[] | undefined;

/** Shapes with the axes reduced: all, each single axis, negative, non-adjacent pairs, rank 0 and 4. */
export const REDUCE_CASES: readonly (readonly [number[], Axis])[] = [
  [[], undefined],
  [[1], undefined],
  [[13], 0],
  [[3, 5], undefined],
  [[3, 5], 0],
  [[3, 5], 1],
  [[2, 3, 7], -1],
  [[2, 3, 7], [0, 2]],
  [[2, 3, 7], [1, 2]],
  [[2, 3, 7], [0, 1, 2]],
  [[2, 3, 1, 5], [1, 3]],
  [[2, 3, 1, 5], 2],
];

const REDUCE_OPS = { sum: dl.sum, max: dl.max, min: dl.min, mean: dl.mean } as const;

function reducedCount(shape: readonly number[], axis: Axis): number {
  return normaliseAxes(shape.length, axis).reduce((n, a) => n * shape[a]!, 1);
}

function label(op: string, shape: readonly number[], axis: Axis, keepDims: boolean): string {
  return `${op} [${shape.join(',')}] axis ${JSON.stringify(axis)} keepDims ${keepDims}`;
}

export function reductionSuite(ctx: SuiteContext): void {
  for (const op of ['sum', 'max', 'min', 'mean'] as const) {
    // mean is sum divided by the count: it exercises the sum kernel.
    const kernel = op === 'mean' ? 'sum' : op;
    ctx.floatTest(kernel, `${op} over axes, keepDims both ways, ranks 0-4`, (dtype, r) => {
      for (const [shape, axis] of REDUCE_CASES) {
        const x = r.uniform(shape, -3, 3);
        for (const keepDims of [false, true]) {
          const got = evaluateAll(dtype, [x], (t) => REDUCE_OPS[op](t, axis, keepDims));
          const tol = ctx.tolerance(dtype) * Math.sqrt(reducedCount(shape, axis));
          expectClose(label(op, shape, axis, keepDims), got, reduce(op, x, axis, keepDims), tol, dtype);
        }
      }
    });
  }
  ctx.floatTest('sum', 'long rows: [64,129] over axis 1, [257] over all', (dtype, r) => {
    for (const [shape, axis] of [[[64, 129], 1], [[257], undefined]] as const) {
      const x = r.uniform(shape, -1, 1);
      const got = evaluateAll(dtype, [x], (t) => dl.sum(t, axis));
      expectClose(`sum [${shape}]`, got, reduce('sum', x, axis), ctx.tolerance(dtype) * Math.sqrt(reducedCount(shape, axis)), dtype);
    }
  });
  for (const op of ['sum', 'max', 'min'] as const) {
    ctx.test(op, `int32 ${op} over axes, exact`, (r) => {
      for (const [shape, axis] of REDUCE_CASES) {
        const x = r.ints(shape, -1000, 1000);
        const got = evaluateAll('int32', [x], (t) => REDUCE_OPS[op](t, axis));
        expectExact(label(op, shape, axis, false), got, reduce(op, x, axis), 'int32');
      }
    });
  }

  const argmaxCases = (r: Inputs, ties: boolean): [NDArray, number][] => {
    const draw = (s: number[]): NDArray => (ties ? r.ints(s, 0, 3) : r.uniform(s, -3, 3));
    return [[draw([7]), 0], [draw([3, 5]), 0], [draw([3, 5]), 1], [draw([3, 5]), -1], [draw([2, 3, 13]), 1], [draw([2, 1, 3, 5]), -1]];
  };
  ctx.floatTest('argmax', 'axes 0, 1, -1 on ranks 1-4; int32 result', (dtype, r) => {
    for (const [x, axis] of argmaxCases(r, false)) {
      const got = evaluateAll(dtype, [x], (t) => dl.argmax(t, axis));
      expectExact(`argmax [${x.shape}] axis ${axis}`, got, argmax(x, axis), 'int32');
    }
  });
  ctx.floatTest('argmax', 'ties resolve to the first maximum', (dtype, r) => {
    for (const [x, axis] of argmaxCases(r, true)) {
      const got = evaluateAll(dtype, [x], (t) => dl.argmax(t, axis));
      expectExact(`argmax [${x.shape}] axis ${axis}`, got, argmax(x, axis), 'int32');
    }
    const fixed = nd([2, 4], [1, 3, 3, 0, -2, -2, -5, -2]);
    expectExact('argmax [[1,3,3,0],[-2,-2,-5,-2]]', evaluateAll(dtype, [fixed], (t) => dl.argmax(t)), nd([2], [1, 0]), 'int32');
  });
  ctx.test('argmax', 'int32 input, with ties', (r) => {
    for (const [x, axis] of argmaxCases(r, true)) {
      const got = evaluateAll('int32', [x], (t) => dl.argmax(t, axis));
      expectExact(`argmax [${x.shape}] axis ${axis}`, got, argmax(x, axis), 'int32');
    }
  });
}
