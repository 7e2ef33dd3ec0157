import * as dl from '@dlts/core';
import { expectExact } from '../compare.js';
import { type NDArray, nd } from '../reference/ndarray.js';
import type { SuiteContext } from '../suite_context.js';
import { evaluateAll } from '../tensors.js';

/**
 * The worked examples of the book's chapter 8 (shared/BOOK.md), with the values it prints.
 * numpy/scipy 1-D and 2-D convolutions are written as conv2d on [1,1,n,1] / [1,h,w,1] images:
 * correlate is conv2d with the filter as is, convolve is conv2d with the filter reversed, and
 * scipy's 'full' and 'same' are explicit zero padding followed by 'valid'.
 */

const X1 = [2, 8, 3, 7, 1, 2, 0, 4, 5];
const W1 = [2, 1, 5, 3];
const BOOK_FULL = [6, 34, 51, 48, 57, 24, 25, 16, 39, 29, 13, 10];

const row = (values: number[]): NDArray => nd([1, 1, values.length, 1], values);
const filterRow = (values: number[]): NDArray => nd([1, values.length, 1, 1], values);

/** conv2d of a one-row image, after padding its width by [left, right]. */
function conv1d(dtype: 'float32' | 'float64', x: number[], w: number[], padding: 'valid' | 'same', widthPad: [number, number] = [0, 0]) {
  return evaluateAll(dtype, [row(x), filterRow(w)], (xt, wt) => dl.tidy(() => {
    const padded = dl.pad(xt!, [[0, 0], [0, 0], widthPad, [0, 0]]);
    return dl.conv2d(padded, wt!, 1, padding);
  }));
}

export function bookCh08Suite(ctx: SuiteContext): void {
  const reversed = [...W1].reverse();
  ctx.floatTest('conv2d', 'Ch08 1-D: convolve valid = [63,48,49,28,21,20]', (dtype) => {
    expectExact('convolve valid', conv1d(dtype, X1, reversed, 'valid'), row([63, 48, 49, 28, 21, 20]), dtype);
  });
  ctx.floatTest('conv2d', 'Ch08 1-D: correlate valid = [48,57,24,25,16,39]', (dtype) => {
    expectExact('correlate valid', conv1d(dtype, X1, W1, 'valid'), row([48, 57, 24, 25, 16, 39]), dtype);
  });
  ctx.floatTest('pad', 'Ch08 1-D: full (pad 3 both sides, then valid) = [6,34,51,48,57,24,25,16,39,29,13,10]', (dtype) => {
    expectExact('correlate full', conv1d(dtype, X1, W1, 'valid', [3, 3]), row(BOOK_FULL), dtype);
  });
  ctx.floatTest('pad', "Ch08 1-D: scipy 'same' (pad 2 before, 1 after) = [34,51,48,57,24,25,16,39,29]", (dtype) => {
    expectExact('correlate same', conv1d(dtype, X1, W1, 'valid', [2, 1]), row([34, 51, 48, 57, 24, 25, 16, 39, 29]), dtype);
  });
  ctx.floatTest('conv2d', "Ch08 1-D: conv2d 'same' pads TensorFlow's way (1 before, 2 after) = the book's full[2:11]", (dtype) => {
    // TensorFlow puts the odd padding cell after, scipy before: the window shifts by one.
    expectExact('conv2d same', conv1d(dtype, X1, W1, 'same'), row(BOOK_FULL.slice(2, 11)), dtype);
  });

  const x2 = nd([1, 3, 3, 1], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const w2 = nd([2, 2, 1, 1], [2, 0, 0, 0]);
  const w2flipped = nd([2, 2, 1, 1], [0, 0, 0, 2]);
  const conv2 = (dtype: 'float32' | 'float64', w: NDArray, padding: 'valid' | 'same') =>
    evaluateAll(dtype, [x2, w], (xt, wt) => dl.conv2d(xt!, wt!, 1, padding));
  ctx.floatTest('conv2d', 'Ch08 2-D: correlate2d valid = [[2,4],[8,10]]', (dtype) => {
    expectExact('correlate2d valid', conv2(dtype, w2, 'valid'), nd([1, 2, 2, 1], [2, 4, 8, 10]), dtype);
  });
  ctx.floatTest('conv2d', 'Ch08 2-D: convolve2d valid (filter flipped) = [[10,12],[16,18]]', (dtype) => {
    expectExact('convolve2d valid', conv2(dtype, w2flipped, 'valid'), nd([1, 2, 2, 1], [10, 12, 16, 18]), dtype);
  });
  ctx.floatTest('conv2d', 'Ch08 2-D: correlate2d same = conv2d SAME = [[2,4,6],[8,10,12],[14,16,18]]', (dtype) => {
    expectExact('conv2d same', conv2(dtype, w2, 'same'), nd([1, 3, 3, 1], [2, 4, 6, 8, 10, 12, 14, 16, 18]), dtype);
  });
  ctx.floatTest('maxPool', 'Ch08: 2x2 max pool, stride 2, on the 4x4 grid 1..16 = [[6,8],[14,16]]', (dtype) => {
    const grid = nd([1, 4, 4, 1], Array.from({ length: 16 }, (_, i) => i + 1));
    const got = evaluateAll(dtype, [grid], (t) => dl.maxPool(t, 2, 2, 'valid'));
    expectExact('maxPool', got, nd([1, 2, 2, 1], [6, 8, 14, 16]), dtype);
  });
  ctx.floatTest('relu', 'Ch08: relu([-1,2,-3,4,-5]) = [0,2,0,4,0]', (dtype) => {
    const got = evaluateAll(dtype, [nd([5], [-1, 2, -3, 4, -5])], (t) => dl.relu(t));
    expectExact('relu', got, nd([5], [0, 2, 0, 4, 0]), dtype);
  });
}
