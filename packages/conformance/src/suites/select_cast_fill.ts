import * as dl from '@dlts/core';
import { expectExact, readout } from '../compare.js';
import { castToInt32, clip, where } from '../reference/elementwise.js';
import { type NDArray, mapND, nd, sizeOf } from '../reference/ndarray.js';
import type { SuiteContext } from '../suite_context.js';
import { evaluate, evaluateAll, input } from '../tensors.js';
import { ELEMENTWISE_SHAPES } from './unary.js';

/** cond, a, b shapes: all equal, each one broadcast, and rank 0 everywhere. */
const WHERE_CASES: readonly (readonly [number[], number[], number[]])[] = [
  [[7], [7], [7]],
  [[3, 1], [1, 4], [3, 4]],
  [[2, 3, 4], [4], []],
  [[], [2, 3], [2, 3]],
  [[], [], []],
  [[2, 1, 3, 1], [1, 4, 1, 5], [5]],
];

/** Values either side of truncation toward zero, and exact whole numbers. */
const CAST_EDGES = [-1e6 - 0.5, -2.7, -2.5, -2, -0.9, -0.5, 0, 0.5, 0.9, 2, 2.5, 2.7, 1e6 + 0.5];

export function selectCastFillSuite(ctx: SuiteContext): void {
  ctx.floatTest('where', 'cond != 0 picks a, broadcasting all three', (dtype, r) => {
    for (const [sc, sa, sb] of WHERE_CASES) {
      // Conditions include values other than 1 (any non-zero counts as true).
      const cond = r.ints(sc, -1, 3).data.map((v) => (v === 2 ? 0 : v));
      const c = nd(sc, cond);
      const a = r.uniform(sa, -3, 3);
      const b = r.uniform(sb, -3, 3);
      const got = evaluateAll(dtype, [c, a, b], (x, y, z) => dl.where(x!, y!, z!));
      expectExact(`where [${sc}] [${sa}] [${sb}]`, got, where(c, a, b), dtype);
    }
  });
  ctx.test('where', 'int32 condition with float values, and int32 values', (r) => {
    const c = r.ints([3, 4], 0, 2);
    const a = r.uniform([3, 4], -3, 3);
    const b = r.uniform([4], -3, 3);
    const got = evaluate([input(c, 'int32'), input(a, 'float32'), input(b, 'float32')], (x, y, z) => dl.where(x!, y!, z!));
    expectExact('where float32 values', got, where(c, a, b), 'float32');
    const ai = r.ints([3, 4], -50, 50);
    const bi = r.ints([3, 1], -50, 50);
    const gotInt = evaluateAll('int32', [c, ai, bi], (x, y, z) => dl.where(x!, y!, z!));
    expectExact('where int32 values', gotInt, where(c, ai, bi), 'int32');
  });

  ctx.floatTest('clip', 'ranks 0-4, bounds inside and outside the data, min == max', (dtype, r) => {
    for (const shape of ELEMENTWISE_SHAPES) {
      const x = r.uniform(shape, -3, 3);
      for (const [lo, hi] of [[-1, 2], [-10, 10], [0.5, 0.5]] as const) {
        const got = evaluateAll(dtype, [x], (t) => dl.clip(t, lo, hi));
        expectExact(`clip [${shape}] to [${lo}, ${hi}]`, got, clip(x, lo, hi), dtype);
      }
    }
  });
  ctx.test('clip', 'int32', (r) => {
    const x = r.ints([4, 5], -20, 20);
    const got = evaluateAll('int32', [x], (t) => dl.clip(t, -3, 7));
    expectExact('clip int32', got, clip(x, -3, 7), 'int32');
  });

  ctx.floatTest('cast', 'float -> int32 truncates toward zero', (dtype, r) => {
    const edges = nd([CAST_EDGES.length], CAST_EDGES.map(Math.fround));
    const random = r.uniform([3, 7], -100, 100);
    for (const x of [edges, random]) {
      const got = evaluateAll(dtype, [x], (t) => dl.cast(t, 'int32'));
      expectExact(`cast ${dtype} -> int32`, got, castToInt32(x), 'int32');
    }
  });
  ctx.floatTest('cast', 'int32 -> float is exact', (dtype, r) => {
    const x = r.ints([2, 3, 5], -1 << 24, 1 << 24);
    const got = evaluateAll('int32', [x], (t) => dl.cast(t, dtype));
    expectExact(`cast int32 -> ${dtype}`, got, x, dtype);
  });
  if (ctx.floatDTypes.includes('float64')) {
    ctx.test('cast', 'float64 -> float32 rounds to nearest, float32 -> float64 is exact', (r) => {
      const x = r.uniform([13], -3, 3);
      // Values that float32 cannot hold exactly.
      const fine = nd([4], [0.1, 1 / 3, Math.PI, 1e-3 + 1e-12]);
      const got32 = evaluateAll('float64', [fine], (t) => dl.cast(t, 'float32'));
      expectExact('cast float64 -> float32', got32, mapND(fine, Math.fround), 'float32');
      const got64 = evaluateAll('float32', [x], (t) => dl.cast(t, 'float64'));
      expectExact('cast float32 -> float64', got64, x, 'float64');
    });
  }

  for (const dtype of [...ctx.floatDTypes, 'int32'] as const) {
    ctx.test('fill', `zeros, ones, fill, zerosLike, onesLike [${dtype}], ranks 0-4`, () => {
      const value = dtype === 'int32' ? -7 : 0.1;
      const stored = dtype === 'float32' ? Math.fround(value) : value;
      for (const shape of ELEMENTWISE_SHAPES) {
        const constant = (v: number): NDArray => nd(shape, new Array(sizeOf(shape)).fill(v));
        const cases: [string, () => dl.Tensor, number][] = [
          ['zeros', () => dl.zeros(shape, dtype), 0],
          ['ones', () => dl.ones(shape, dtype), 1],
          ['fill', () => dl.fill(shape, value, dtype), stored],
        ];
        for (const [label, make, v] of cases) {
          const t = make();
          try {
            expectExact(`${label} [${shape}]`, readout(t), constant(v), dtype);
          } finally {
            t.dispose();
          }
        }
        const like = dl.fill(shape, value, dtype);
        try {
          for (const [label, make, v] of [['zerosLike', dl.zerosLike, 0], ['onesLike', dl.onesLike, 1]] as const) {
            const t = make(like);
            try {
              expectExact(`${label} [${shape}]`, readout(t), constant(v), dtype);
            } finally {
              t.dispose();
            }
          }
        } finally {
          like.dispose();
        }
      }
    });
  }
}
