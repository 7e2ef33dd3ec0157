import { describe, expect, it } from 'vitest';
import { broadcastShape } from '../src/reference/broadcast.js';
import { conv2d, conv2dBackpropFilter, conv2dBackpropInput, convDim, type ConvParams } from '../src/reference/conv.js';
import { binary } from '../src/reference/elementwise.js';
import { gather, scatterAdd } from '../src/reference/gather.js';
import { matmul } from '../src/reference/matmul.js';
import { concat, pad, slice, transpose } from '../src/reference/movement.js';
import { type NDArray, nd } from '../src/reference/ndarray.js';
import { numericGrads } from '../src/reference/numeric_grad.js';
import { avgPool, maxPool, maxPoolBackward } from '../src/reference/pool.js';
import { argmax, reduce } from '../src/reference/reduce.js';
import { logSoftmax, softmax } from '../src/reference/softmax.js';
import { Inputs } from '../src/random_inputs.js';

// Expected values here are worked by hand (or printed in the book), never produced by the code.
const values = (x: NDArray): number[] => Array.from(x.data);

describe('reference: elementwise and broadcasting', () => {
  it('broadcasts numpy-style and refuses incompatible shapes', () => {
    expect(broadcastShape([3, 1], [1, 4])).toEqual([3, 4]);
    expect(broadcastShape([2, 3, 4], [4])).toEqual([2, 3, 4]);
    expect(broadcastShape([], [3, 5])).toEqual([3, 5]);
    expect(() => broadcastShape([2, 3], [4])).toThrow();
  });
  it('broadcast binary ops and int32 floor division', () => {
    const y = binary('sub', nd([2, 1], [10, 20]), nd([3], [1, 2, 3]));
    expect(y.shape).toEqual([2, 3]);
    expect(values(y)).toEqual([9, 8, 7, 19, 18, 17]);
    expect(values(binary('div', nd([4], [7, -7, 7, -7]), nd([4], [2, 2, -2, -2]), true))).toEqual([3, -4, -4, 3]);
    expect(values(binary('div', nd([1], [-7]), nd([1], [2])))).toEqual([-3.5]);
  });
});

describe('reference: reductions', () => {
  const x = nd([2, 3], [1, 2, 3, 4, 5, 6]);
  it('sum, max, min, mean over axes with keepDims', () => {
    expect(values(reduce('sum', x, 0))).toEqual([5, 7, 9]);
    expect(reduce('sum', x, 0, true).shape).toEqual([1, 3]);
    expect(values(reduce('max', x, -1))).toEqual([3, 6]);
    expect(values(reduce('min', x, [0, 1]))).toEqual([1]);
    expect(reduce('min', x).shape).toEqual([]);
    expect(values(reduce('mean', x))).toEqual([3.5]);
  });
  it('argmax takes the first of equal maxima', () => {
    expect(values(argmax(nd([2, 3], [1, 3, 3, 5, 5, 0]), 1))).toEqual([1, 0]);
    expect(values(argmax(nd([2, 3], [1, 3, 3, 5, 5, 0]), 0))).toEqual([1, 1, 0]);
  });
});

describe('reference: matmul', () => {
  const a = nd([2, 2], [1, 2, 3, 4]);
  const b = nd([2, 2], [5, 6, 7, 8]);
  it('multiplies, with each transpose', () => {
    expect(values(matmul(a, b))).toEqual([19, 22, 43, 50]);
    expect(values(matmul(a, b, true))).toEqual([26, 30, 38, 44]);
    expect(values(matmul(a, b, false, true))).toEqual([17, 23, 39, 53]);
    expect(values(matmul(a, b, true, true))).toEqual([23, 31, 34, 46]);
  });
  it('broadcasts a single matrix over a batch', () => {
    const batch = nd([2, 2, 2], [1, 2, 3, 4, 1, 0, 0, 1]);
    const y = matmul(batch, b);
    expect(y.shape).toEqual([2, 2, 2]);
    expect(values(y)).toEqual([19, 22, 43, 50, 5, 6, 7, 8]);
    expect(matmul(nd([1, 3, 5], new Array(15).fill(1)), nd([4, 5, 2], new Array(40).fill(1))).shape).toEqual([4, 3, 2]);
  });
});

describe('reference: data movement', () => {
  const x = nd([2, 3], [1, 2, 3, 4, 5, 6]);
  it('transpose, slice, concat, pad', () => {
    expect(values(transpose(x))).toEqual([1, 4, 2, 5, 3, 6]);
    expect(transpose(nd([2, 3, 4], new Array(24).fill(0)), [2, 0, 1]).shape).toEqual([4, 2, 3]);
    expect(values(slice(x, [0, 1], [2, -1]))).toEqual([2, 3, 5, 6]);
    expect(values(slice(nd([2, 6], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), [0, 3], [2, 1]))).toEqual([3, 9]);
    expect(values(concat([x, nd([2, 1], [7, 8])], 1))).toEqual([1, 2, 3, 7, 4, 5, 6, 8]);
    expect(values(concat([x, nd([1, 3], [7, 8, 9])], 0))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(values(pad(nd([2], [1, 2]), [[1, 2]], 9))).toEqual([9, 1, 2, 9, 9]);
  });
  it('gather along any axis and its adjoint, the segment sum', () => {
    const g = nd([3, 2], [1, 2, 3, 4, 5, 6]);
    expect(values(gather(g, nd([2], [2, 0]), 0))).toEqual([5, 6, 1, 2]);
    const col = gather(g, nd([1], [1]), 1);
    expect(col.shape).toEqual([3, 1]);
    expect(values(col)).toEqual([2, 4, 6]);
    expect(gather(g, nd([2, 2], [0, 1, 2, 0]), 0).shape).toEqual([2, 2, 2]);
    expect(values(scatterAdd(nd([4], [1, 2, 3, 4]), nd([4], [0, 2, 0, 2]), 3))).toEqual([4, 0, 6]);
    expect(values(scatterAdd(nd([3, 2], [1, 2, 3, 4, 5, 6]), nd([3], [1, 1, 0]), 2))).toEqual([5, 6, 4, 6]);
  });
});

describe('reference: convolution and pooling', () => {
  it('output size and padding follow the TensorFlow rule', () => {
    expect(convDim(5, 3, 2, 1, 'same')).toEqual({ out: 3, padBefore: 1 });
    expect(convDim(9, 4, 1, 1, 'same')).toEqual({ out: 9, padBefore: 1 });
    expect(convDim(7, 3, 1, 2, 'valid')).toEqual({ out: 3, padBefore: 0 });
    expect(convDim(6, 4, 3, 1, 'same')).toEqual({ out: 2, padBefore: 0 });
  });
  const p: ConvParams = { strides: [1, 1], padding: 'valid', dilations: [1, 1] };
  it("reproduces the book's Ch08 correlations", () => {
    const x = nd([1, 1, 9, 1], [2, 8, 3, 7, 1, 2, 0, 4, 5]);
    expect(values(conv2d(x, nd([1, 4, 1, 1], [2, 1, 5, 3]), p))).toEqual([48, 57, 24, 25, 16, 39]);
    expect(values(conv2d(x, nd([1, 4, 1, 1], [3, 5, 1, 2]), p))).toEqual([63, 48, 49, 28, 21, 20]);
    const x2 = nd([1, 3, 3, 1], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(values(conv2d(x2, nd([2, 2, 1, 1], [2, 0, 0, 0]), { ...p, padding: 'same' }))).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18]);
  });
  it('the backprops are the adjoints of conv2d: <conv(x,f), dy> = <x, dX(dy)> = <f, dF(dy)>', () => {
    const r = new Inputs(7);
    const dot = (a: NDArray, b: NDArray): number => a.data.reduce((s, v, i) => s + v * b.data[i]!, 0);
    const cases: [number[], number[], ConvParams][] = [
      [[2, 7, 6, 3], [3, 2, 3, 2], { strides: [2, 2], padding: 'same', dilations: [1, 1] }],
      [[1, 9, 8, 2], [2, 3, 2, 3], { strides: [1, 1], padding: 'valid', dilations: [2, 2] }],
    ];
    for (const [xs, fs, cp] of cases) {
      const x = r.uniform(xs);
      const f = r.uniform(fs);
      const y = conv2d(x, f, cp);
      const dy = r.uniform(y.shape);
      const lhs = dot(y, dy);
      expect(dot(x, conv2dBackpropInput(dy, f, xs, cp))).toBeCloseTo(lhs, 10);
      expect(dot(f, conv2dBackpropFilter(x, dy, fs, cp))).toBeCloseTo(lhs, 10);
    }
  });
  it('pools: the book grid, padding never wins, average excludes padding, ties go first', () => {
    const grid = nd([1, 4, 4, 1], Array.from({ length: 16 }, (_, i) => i + 1));
    expect(values(maxPool(grid, { poolSize: [2, 2], strides: [2, 2], padding: 'valid' }))).toEqual([6, 8, 14, 16]);
    const neg = nd([1, 3, 3, 1], [-1, -2, -3, -4, -5, -6, -7, -8, -9]);
    expect(values(maxPool(neg, { poolSize: [2, 2], strides: [2, 2], padding: 'same' }))).toEqual([-1, -3, -7, -9]);
    const x = nd([1, 3, 3, 1], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(values(avgPool(x, { poolSize: [2, 2], strides: [2, 2], padding: 'same' }))).toEqual([3, 4.5, 7.5, 9]);
    const flat = nd([1, 2, 2, 1], [1, 1, 1, 1]);
    expect(values(maxPoolBackward(nd([1, 1, 1, 1], [5]), flat, { poolSize: [2, 2], strides: [2, 2], padding: 'valid' }))).toEqual([5, 0, 0, 0]);
  });
});

describe('reference: softmax and numeric gradients', () => {
  it('softmax of [0, ln 2] is [1/3, 2/3]; logSoftmax is its log; huge logits stay finite', () => {
    const s = softmax(nd([2], [0, Math.LN2]));
    expect(s.data[0]).toBeCloseTo(1 / 3, 14);
    expect(s.data[1]).toBeCloseTo(2 / 3, 14);
    expect(logSoftmax(nd([2], [0, Math.LN2])).data[0]).toBeCloseTo(Math.log(1 / 3), 14);
    expect(values(softmax(nd([2], [1000, 1000])))).toEqual([0.5, 0.5]);
  });
  it('central differences of sum(x^2 * dy) give 2 x dy', () => {
    const x = nd([3], [0.5, -1, 2]);
    const dy = nd([3], [1, 2, -1]);
    const [g] = numericGrads(([v]) => ({ shape: v!.shape, data: v!.data.map((t) => t * t) }), [x], dy);
    [1, -4, -4].forEach((want, i) => expect(g!.data[i]).toBeCloseTo(want, 8));
  });
});
