import * as dl from '@dlts/core';
import { expectClose } from '../compare.js';
import { type PaddingMode, conv2d, conv2dBackpropFilter, conv2dBackpropInput, convDim } from '../reference/conv.js';
import { nd } from '../reference/ndarray.js';
import { avgPool, avgPoolBackward, maxPool, maxPoolBackward } from '../reference/pool.js';
import type { SuiteContext } from '../suite_context.js';
import { evaluateAll } from '../tensors.js';

export interface ConvCase {
  readonly x: number[];
  readonly filter: number[];
  readonly strides: [number, number];
  readonly padding: PaddingMode;
  readonly dilations: [number, number];
}

const conv = (x: number[], filter: number[], s: number | [number, number], padding: PaddingMode, d: number | [number, number] = 1): ConvCase => ({
  x, filter, padding,
  strides: typeof s === 'number' ? [s, s] : s,
  dilations: typeof d === 'number' ? [d, d] : d,
});

/** Strides 1 and 2, both paddings, dilation 2, channels 1 and 3, odd and non-square sizes, 1x1 filters. */
export const CONV_CASES: readonly ConvCase[] = [
  conv([1, 5, 5, 1], [3, 3, 1, 1], 1, 'same'),
  conv([1, 5, 5, 1], [3, 3, 1, 1], 1, 'valid'),
  conv([2, 7, 6, 3], [3, 2, 3, 2], 2, 'same'),
  conv([2, 7, 6, 3], [3, 2, 3, 2], 2, 'valid'),
  conv([1, 7, 7, 3], [3, 3, 3, 1], 1, 'same', 2),
  conv([1, 9, 8, 1], [2, 3, 1, 3], 1, 'valid', 2),
  conv([1, 9, 7, 1], [3, 2, 1, 2], 1, 'same', [2, 1]),
  conv([2, 5, 7, 3], [1, 1, 3, 4], 1, 'valid'),
  conv([1, 6, 6, 1], [4, 4, 1, 1], [2, 3], 'same'),
  conv([3, 13, 5, 2], [5, 3, 2, 3], 2, 'same'),
  conv([1, 3, 3, 3], [3, 3, 3, 2], 1, 'valid'),
  conv([1, 1, 1, 1], [1, 1, 1, 1], 1, 'same'),
];

export function convLabel(c: ConvCase): string {
  return `x [${c.x}] filter [${c.filter}] strides [${c.strides}] ${c.padding} dilations [${c.dilations}]`;
}

/** The conv output shape by the documented rule. */
export function convOutShape(c: ConvCase): number[] {
  const h = convDim(c.x[1]!, c.filter[0]!, c.strides[0], c.dilations[0], c.padding).out;
  const w = convDim(c.x[2]!, c.filter[1]!, c.strides[1], c.dilations[1], c.padding).out;
  return [c.x[0]!, h, w, c.filter[3]!];
}

export interface PoolCase {
  readonly x: number[];
  readonly poolSize: [number, number];
  readonly strides: [number, number];
  readonly padding: PaddingMode;
}

const pool = (x: number[], p: number | [number, number], s: number | [number, number], padding: PaddingMode): PoolCase => ({
  x, padding,
  poolSize: typeof p === 'number' ? [p, p] : p,
  strides: typeof s === 'number' ? [s, s] : s,
});

export const POOL_CASES: readonly PoolCase[] = [
  pool([1, 4, 4, 1], 2, 2, 'valid'),
  pool([1, 5, 5, 1], 2, 2, 'same'),
  pool([2, 7, 5, 3], 3, 1, 'same'),
  pool([2, 7, 5, 3], 3, 2, 'valid'),
  pool([1, 9, 7, 3], [2, 3], [2, 1], 'same'),
  pool([1, 5, 5, 2], 3, 2, 'same'),
  pool([1, 1, 1, 1], 1, 1, 'valid'),
];

export function poolLabel(p: PoolCase): string {
  return `x [${p.x}] pool [${p.poolSize}] strides [${p.strides}] ${p.padding}`;
}

export function poolOutShape(p: PoolCase): number[] {
  const h = convDim(p.x[1]!, p.poolSize[0], p.strides[0], 1, p.padding).out;
  const w = convDim(p.x[2]!, p.poolSize[1], p.strides[1], 1, p.padding).out;
  return [p.x[0]!, h, w, p.x[3]!];
}

export function convSuite(ctx: SuiteContext): void {
  ctx.floatTest('conv2d', 'strides 1/2, same/valid, dilation 2, channels 1/3, odd sizes', (dtype, r) => {
    for (const c of CONV_CASES) {
      const x = r.uniform(c.x, -1, 1);
      const f = r.uniform(c.filter, -1, 1);
      const got = evaluateAll(dtype, [x, f], (xt, ft) => dl.conv2d(xt!, ft!, c.strides, c.padding, c.dilations));
      const k = c.filter[0]! * c.filter[1]! * c.filter[2]!;
      expectClose(`conv2d ${convLabel(c)}`, got, conv2d(x, f, c), ctx.tolerance(dtype) * Math.sqrt(k), dtype);
    }
  });
  ctx.floatTest('conv2dBackpropInput', 'the adjoint of conv2d in x, every conv case', (dtype, r) => {
    for (const c of CONV_CASES) {
      const dy = r.uniform(convOutShape(c), -1, 1);
      const f = r.uniform(c.filter, -1, 1);
      const got = evaluateAll(dtype, [dy, f], (dyt, ft) =>
        dl.conv2dBackpropInput(dyt!, ft!, c.x, c.strides, c.padding, c.dilations));
      const k = c.filter[0]! * c.filter[1]! * c.filter[3]!;
      expectClose(`conv2dBackpropInput ${convLabel(c)}`, got, conv2dBackpropInput(dy, f, c.x, c), ctx.tolerance(dtype) * Math.sqrt(k), dtype);
    }
  });
  ctx.floatTest('conv2dBackpropFilter', 'the adjoint of conv2d in the filter, every conv case', (dtype, r) => {
    for (const c of CONV_CASES) {
      const x = r.uniform(c.x, -1, 1);
      const dy = r.uniform(convOutShape(c), -1, 1);
      const got = evaluateAll(dtype, [x, dy], (xt, dyt) =>
        dl.conv2dBackpropFilter(xt!, dyt!, c.filter, c.strides, c.padding, c.dilations));
      const [, oh, ow] = convOutShape(c);
      const k = c.x[0]! * oh! * ow!;
      expectClose(`conv2dBackpropFilter ${convLabel(c)}`, got, conv2dBackpropFilter(x, dy, c.filter, c), ctx.tolerance(dtype) * Math.sqrt(k), dtype);
    }
  });
}

export function poolSuite(ctx: SuiteContext): void {
  ctx.floatTest('maxPool', 'pool 1-3, strides 1/2, same/valid, channels 1/3; padding never wins', (dtype, r) => {
    for (const p of POOL_CASES) {
      // All-negative inputs: a zero-padded cell winning a window would show up as 0.
      const x = r.uniform(p.x, -3, -0.1);
      const got = evaluateAll(dtype, [x], (t) => dl.maxPool(t, p.poolSize, p.strides, p.padding));
      expectClose(`maxPool ${poolLabel(p)}`, got, maxPool(x, p), 0, dtype);
    }
  });
  ctx.floatTest('maxPoolBackward', 'routes dy to each window maximum', (dtype, r) => {
    for (const p of POOL_CASES) {
      const x = r.distinct(p.x);
      const dy = r.uniform(poolOutShape(p), -1, 1);
      const got = evaluateAll(dtype, [dy, x], (dyt, xt) => dl.maxPoolBackward(dyt!, xt!, p.poolSize, p.strides, p.padding));
      expectClose(`maxPoolBackward ${poolLabel(p)}`, got, maxPoolBackward(dy, x, p), ctx.tolerance(dtype), dtype);
    }
  });
  ctx.floatTest('maxPoolBackward', 'ties go to the first maximum in row-major window order', (dtype, r) => {
    for (const p of [pool([1, 4, 4, 1], 2, 2, 'valid'), pool([1, 5, 5, 2], 3, 1, 'same'), pool([1, 4, 6, 1], 2, 2, 'same')]) {
      const x = nd(p.x, new Array(p.x.reduce((a, b) => a * b, 1)).fill(1.5));
      const dy = r.uniform(poolOutShape(p), -1, 1);
      const got = evaluateAll(dtype, [dy, x], (dyt, xt) => dl.maxPoolBackward(dyt!, xt!, p.poolSize, p.strides, p.padding));
      expectClose(`maxPoolBackward ties ${poolLabel(p)}`, got, maxPoolBackward(dy, x, p), ctx.tolerance(dtype), dtype);
    }
  });
  ctx.floatTest('avgPool', 'padding excluded from the count', (dtype, r) => {
    for (const p of POOL_CASES) {
      const x = r.uniform(p.x, -3, 3);
      const got = evaluateAll(dtype, [x], (t) => dl.avgPool(t, p.poolSize, p.strides, p.padding));
      expectClose(`avgPool ${poolLabel(p)}`, got, avgPool(x, p), ctx.tolerance(dtype), dtype);
    }
  });
  ctx.floatTest('avgPoolBackward', 'spreads dy evenly over each window\'s in-image cells', (dtype, r) => {
    for (const p of POOL_CASES) {
      const dy = r.uniform(poolOutShape(p), -1, 1);
      const got = evaluateAll(dtype, [dy], (dyt) => dl.avgPoolBackward(dyt, p.x, p.poolSize, p.strides, p.padding));
      expectClose(`avgPoolBackward ${poolLabel(p)}`, got, avgPoolBackward(dy, p.x, p), ctx.tolerance(dtype), dtype);
    }
  });
}
