import * as dl from '@dlts/core';
import { expectClose } from '../compare.js';
import { nd } from '../reference/ndarray.js';
import { logSoftmax, softmax } from '../reference/softmax.js';
import type { SuiteContext } from '../suite_context.js';
import { evaluateAll } from '../tensors.js';

const SHAPES: readonly number[][] = [[7], [1, 1], [3, 5], [2, 3, 13], [2, 1, 3, 10], [4, 1]];

export function softmaxSuite(ctx: SuiteContext): void {
  const ops = { softmax: [dl.softmax, softmax], logSoftmax: [dl.logSoftmax, logSoftmax] } as const;
  for (const name of ['softmax', 'logSoftmax'] as const) {
    const [op, ref] = ops[name];
    ctx.floatTest(name, 'last axis, ranks 1-4, last dim 1', (dtype, r) => {
      for (const shape of SHAPES) {
        const x = r.uniform(shape, -5, 5);
        const got = evaluateAll(dtype, [x], (t) => op(t));
        expectClose(`${name} [${shape}]`, got, ref(x), ctx.tolerance(dtype), dtype);
      }
    });
    ctx.floatTest(name, 'large logits stay finite (max subtracted)', (dtype) => {
      const x = nd([3, 3], [1000, 999, 998, -1000, -1001, -1003, 80, 88, 90]);
      const got = evaluateAll(dtype, [x], (t) => op(t));
      expectClose(`${name} of ±1000`, got, ref(x), ctx.tolerance(dtype), dtype);
    });
  }
}
