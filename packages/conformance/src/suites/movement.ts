import * as dl from '@dlts/core';
import { expectClose, expectExact } from '../compare.js';
import type { Inputs } from '../random_inputs.js';
import { gather, scatterAdd } from '../reference/gather.js';
import { concat, pad, slice, transpose } from '../reference/movement.js';
import type { NDArray } from '../reference/ndarray.js';
import type { SuiteContext } from '../suite_context.js';
import { evaluate, evaluateAll, input } from '../tensors.js';

/** Data movement is exact in every dtype; these run in each float dtype and int32. */
type AnyDType = 'float32' | 'float64' | 'int32';

function values(r: Inputs, shape: readonly number[], dtype: AnyDType): NDArray {
  return dtype === 'int32' ? r.ints(shape, -1000, 1000) : r.uniform(shape, -3, 3);
}

export const TRANSPOSE_CASES: readonly (readonly [number[], number[] | undefined])[] = [
  [[], undefined],
  [[7], undefined],
  [[3, 5], undefined],
  [[3, 5], [0, 1]],
  [[2, 3, 13], [2, 0, 1]],
  [[2, 3, 13], [1, 2, 0]],
  [[2, 3, 13], undefined],
  [[2, 1, 3, 5], [3, 1, 0, 2]],
  [[2, 3, 4, 5], [0, 2, 1, 3]],
];

export const SLICE_CASES: readonly (readonly [number[], number[], number[]])[] = [
  [[7], [2], [3]],
  [[7], [0], [-1]],
  [[7], [6], [1]],
  [[3, 5], [1, 2], [2, -1]],
  [[2, 6], [0, 3], [2, 1]],
  [[2, 3, 4], [0, 1, 2], [2, 2, 1]],
  [[3, 1, 5], [1, 0, 0], [2, 1, 1]],
  [[2, 3, 13], [0, 1, 5], [2, 2, 7]],
  [[2, 3, 4, 5], [1, 0, 1, 2], [1, -1, 2, 3]],
];

/** [shapes of the parts, axis] */
export const CONCAT_CASES: readonly (readonly [number[][], number])[] = [
  [[[3], [1], [5]], 0],
  [[[2, 3], [2, 5]], 1],
  [[[2, 3], [4, 3], [1, 3]], 0],
  [[[2, 3, 2], [2, 3, 5]], -1],
  [[[2, 1, 4], [2, 3, 4]], 1],
  [[[1, 2, 3, 2], [1, 2, 3, 1]], 3],
  [[[7]], 0],
];

export const PAD_CASES: readonly (readonly [number[], [number, number][], number])[] = [
  [[], [], 0],
  [[5], [[2, 1]], 0],
  [[3, 5], [[0, 0], [1, 3]], 0],
  [[3, 5], [[2, 1], [0, 2]], -1.5],
  [[2, 3, 4], [[1, 0], [0, 1], [2, 2]], 7],
  [[1, 3, 3, 2], [[0, 0], [1, 1], [2, 0], [0, 0]], 0],
];

/** [x shape, indices shape, axis] */
export const GATHER_CASES: readonly (readonly [number[], number[], number])[] = [
  [[7], [4], 0],
  [[5, 3], [6], 0],
  [[5, 3], [2, 2], 1],
  [[2, 5, 3], [4], 1],
  [[2, 3, 5], [3, 2], -1],
  [[1, 13], [1], 0],
];

/** [x shape, rank of segmentIds, numSegments] */
export const SCATTER_CASES: readonly (readonly [number[], number, number])[] = [
  [[7], 1, 3],
  [[6, 3], 1, 4],
  [[6, 3], 1, 9],
  [[2, 3, 5], 2, 4],
  [[13, 2, 2], 1, 1],
];

export function movementSuite(ctx: SuiteContext): void {
  for (const dtype of [...ctx.floatDTypes, 'int32'] as const) {
    ctx.test('transpose', `perms on ranks 0-4, default reverses [${dtype}]`, (r) => {
      for (const [shape, perm] of TRANSPOSE_CASES) {
        const x = values(r, shape, dtype);
        const got = evaluateAll(dtype, [x], (t) => dl.transpose(t, perm));
        expectExact(`transpose [${shape}] perm ${JSON.stringify(perm)}`, got, transpose(x, perm), dtype);
      }
    });
    ctx.test('slice', `begin/size, size -1 to the end, ranks 1-4 [${dtype}]`, (r) => {
      for (const [shape, begin, size] of SLICE_CASES) {
        const x = values(r, shape, dtype);
        const got = evaluateAll(dtype, [x], (t) => dl.slice(t, begin, size));
        expectExact(`slice [${shape}] begin [${begin}] size [${size}]`, got, slice(x, begin, size), dtype);
      }
    });
    ctx.test('concat', `1 to 3 parts, every axis, negative axis [${dtype}]`, (r) => {
      for (const [shapes, axis] of CONCAT_CASES) {
        const parts = shapes.map((s) => values(r, s, dtype));
        const got = evaluateAll(dtype, parts, (...ts) => dl.concat(ts, axis));
        expectExact(`concat ${JSON.stringify(shapes)} axis ${axis}`, got, concat(parts, axis), dtype);
      }
    });
    ctx.test('pad', `before/after per dim, constant value, ranks 0-4 [${dtype}]`, (r) => {
      for (const [shape, paddings, value] of PAD_CASES) {
        const x = values(r, shape, dtype);
        const v = dtype === 'int32' ? Math.trunc(value) : value;
        const got = evaluateAll(dtype, [x], (t) => dl.pad(t, paddings, v));
        expectExact(`pad [${shape}] ${JSON.stringify(paddings)} value ${v}`, got, pad(x, paddings, v), dtype);
      }
    });
    ctx.test('gather', `axes 0, 1, -1, rank-2 indices, repeated indices [${dtype}]`, (r) => {
      for (const [shape, idxShape, axis] of GATHER_CASES) {
        const x = values(r, shape, dtype);
        const ax = axis < 0 ? axis + shape.length : axis;
        const idx = r.ints(idxShape, 0, shape[ax]!);
        const got = evaluate([input(x, dtype), input(idx, 'int32')], (t, i) => dl.gather(t!, i!, axis));
        expectExact(`gather [${shape}] indices [${Array.from(idx.data)}] axis ${axis}`, got, gather(x, idx, axis), dtype);
      }
    });
    ctx.test('scatterAdd', `segment sums, empty and repeated segments, rank-2 ids [${dtype}]`, (r) => {
      for (const [shape, idRank, numSegments] of SCATTER_CASES) {
        const x = values(r, shape, dtype);
        const ids = r.ints(shape.slice(0, idRank), 0, numSegments);
        const got = evaluate([input(x, dtype), input(ids, 'int32')], (t, i) => dl.scatterAdd(t!, i!, numSegments));
        const want = scatterAdd(x, ids, numSegments);
        // Float sums of up to 13 terms may round differently from the float64 reference.
        if (dtype === 'int32') expectExact(`scatterAdd [${shape}] ids [${Array.from(ids.data)}]`, got, want, dtype);
        else expectClose(`scatterAdd [${shape}] ids [${Array.from(ids.data)}]`, got, want, ctx.tolerance(dtype) * Math.sqrt(shape[0]!), dtype);
      }
    });
  }
}
