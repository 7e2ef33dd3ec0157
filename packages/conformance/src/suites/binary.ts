import * as dl from '@dlts/core';
import { expectClose, expectExact } from '../compare.js';
import { BINARY_KERNELS, type BinaryKernelName } from '../kernels.js';
import type { Inputs } from '../random_inputs.js';
import { binary } from '../reference/elementwise.js';
import { type NDArray, nd } from '../reference/ndarray.js';
import type { SuiteContext } from '../suite_context.js';
import { evaluateAll } from '../tensors.js';

/** Core's op for each binary kernel. */
export const BINARY_OPS: Record<BinaryKernelName, (a: dl.Tensor | number, b: dl.Tensor | number) => dl.Tensor> = {
  add: dl.add, sub: dl.sub, mul: dl.mul, div: dl.div, pow: dl.pow, maximum: dl.maximum, minimum: dl.minimum,
  equal: dl.equal, notEqual: dl.notEqual, less: dl.less, lessEqual: dl.lessEqual,
  greater: dl.greater, greaterEqual: dl.greaterEqual,
};

/** Broadcasting in each direction, rank 0 on either side, ranks up to 4. */
export const BROADCAST_CASES: readonly (readonly [number[], number[]])[] = [
  [[], []],
  [[1], [1]],
  [[7], [7]],
  [[3, 5], [3, 5]],
  [[3, 1], [1, 4]],
  [[2, 3, 4], [4]],
  [[4], [2, 3, 4]],
  [[], [3, 5]],
  [[3, 5], []],
  [[13], [5, 1]],
  [[2, 1, 3, 1], [1, 4, 1, 5]],
];

const COMPARISONS = new Set<BinaryKernelName>(['equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual']);
const INT32_OPS: readonly BinaryKernelName[] = [
  'add', 'sub', 'mul', 'div', 'maximum', 'minimum', 'equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual',
];

/** Operands inside each op's domain; comparisons and max/min get small whole numbers so ties occur. */
function operands(op: BinaryKernelName, r: Inputs, sa: readonly number[], sb: readonly number[], int32: boolean): [NDArray, NDArray] {
  if (int32) {
    if (op === 'div') return [r.ints(sa, -20, 21), nonZero(r.ints(sb, -5, 5))];
    if (op === 'mul') return [r.ints(sa, -1000, 1000), r.ints(sb, -1000, 1000)];
    if (COMPARISONS.has(op) || op === 'maximum' || op === 'minimum') return [r.ints(sa, -2, 3), r.ints(sb, -2, 3)];
    return [r.ints(sa, -100000, 100000), r.ints(sb, -100000, 100000)];
  }
  if (op === 'pow') return [r.uniform(sa, 0.2, 3), r.uniform(sb, -2, 2)];
  if (op === 'div') return [r.uniform(sa, -3, 3), r.awayFromZero(sb, 0.2, 3)];
  if (COMPARISONS.has(op) || op === 'maximum' || op === 'minimum') return [r.ints(sa, -2, 3), r.ints(sb, -2, 3)];
  return [r.uniform(sa, -3, 3), r.uniform(sb, -3, 3)];
}

/** Shifts zeros to 5 (divisors). */
function nonZero(x: NDArray): NDArray {
  return { shape: x.shape, data: x.data.map((v) => (v === 0 ? 5 : v)) };
}

function shapes(sa: readonly number[], sb: readonly number[]): string {
  return `[${sa.join(',')}] vs [${sb.join(',')}]`;
}

export function binarySuite(ctx: SuiteContext): void {
  for (const op of BINARY_KERNELS) {
    const exact = COMPARISONS.has(op) || op === 'maximum' || op === 'minimum';
    ctx.floatTest(op, 'broadcasting both ways, rank 0-4', (dtype, r) => {
      for (const [sa, sb] of BROADCAST_CASES) {
        const [a, b] = operands(op, r, sa, sb, false);
        const got = evaluateAll(dtype, [a, b], (x, y) => BINARY_OPS[op](x!, y!));
        const want = binary(op, a, b);
        // Comparisons return 0/1 in the input dtype.
        if (exact) expectExact(`${op} ${shapes(sa, sb)}`, got, want, dtype);
        else expectClose(`${op} ${shapes(sa, sb)}`, got, want, ctx.tolerance(dtype), dtype);
      }
    });
    ctx.floatTest(op, 'number operand on either side', (dtype, r) => {
      const [a] = operands(op, r, [2, 3], [2, 3], false);
      // A number the op's domain accepts on both sides (pow: positive base; div: non-zero divisor).
      const k = op === 'pow' ? 1.5 : exact ? 1 : 2.5;
      const x = op === 'div' || op === 'pow' ? r.uniform([2, 3], 0.5, 3) : a;
      const kArr = nd([], [k]);
      for (const [label, fn, want] of [
        ['tensor op number', (t: dl.Tensor) => BINARY_OPS[op](t, k), binary(op, x, kArr)],
        ['number op tensor', (t: dl.Tensor) => BINARY_OPS[op](k, t), binary(op, kArr, x)],
      ] as const) {
        const got = evaluateAll(dtype, [x], fn);
        expectClose(`${op} ${label}`, got, want, exact ? 0 : ctx.tolerance(dtype), dtype);
      }
    });
  }
  for (const op of INT32_OPS) {
    const what = op === 'div' ? 'floor division, ' : '';
    ctx.test(op, `int32 ${what}exact, broadcasting`, (r) => {
      for (const [sa, sb] of BROADCAST_CASES) {
        const [a, b] = operands(op, r, sa, sb, true);
        const got = evaluateAll('int32', [a, b], (x, y) => BINARY_OPS[op](x!, y!));
        expectExact(`${op} ${shapes(sa, sb)}`, got, binary(op, a, b, true), 'int32');
      }
    });
  }
  ctx.test('div', 'int32 floor division by sign: 7/2, -7/2, 7/-2, -7/-2, -1/3, 0/-4', () => {
    const a = nd([6], [7, -7, 7, -7, -1, 0]);
    const b = nd([6], [2, 2, -2, -2, 3, -4]);
    const got = evaluateAll('int32', [a, b], (x, y) => dl.div(x!, y!));
    // numpy: 7 // 2 = 3, -7 // 2 = -4, 7 // -2 = -4, -7 // -2 = 3, -1 // 3 = -1, 0 // -4 = 0.
    expectExact('div', got, nd([6], [3, -4, -4, 3, -1, 0]), 'int32');
  });
}
