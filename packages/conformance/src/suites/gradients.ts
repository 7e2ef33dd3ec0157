import * as dl from '@dlts/core';
import { type GradCase, checkGrads } from '../grad_check.js';
import type { Coverage, UnaryKernelName } from '../kernels.js';
import type { Inputs } from '../random_inputs.js';
import { binary, clip, unary, where } from '../reference/elementwise.js';
import { gather } from '../reference/gather.js';
import { matmul } from '../reference/matmul.js';
import { concat, pad, slice, transpose } from '../reference/movement.js';
import { type NDArray, reshapeND } from '../reference/ndarray.js';
import { conv2d } from '../reference/conv.js';
import { avgPool, maxPool } from '../reference/pool.js';
import { reduce } from '../reference/reduce.js';
import { logSoftmax, softmax } from '../reference/softmax.js';
import type { SuiteContext } from '../suite_context.js';
import { input } from '../tensors.js';
import { BINARY_OPS } from './binary.js';
import { type ConvCase, convLabel } from './conv_pool.js';
import { ACTIVATIONS, denseReference } from './matmul.js';
import { UNARY_OPS } from './unary.js';

type Build = (r: Inputs) => GradCase;

/** Unary ops with a derivative, and inputs kept off their kinks and out of their singularities. */
const DIFFERENTIABLE_UNARY: readonly [UnaryKernelName, (r: Inputs, s: number[]) => NDArray][] = [
  ['neg', (r, s) => r.uniform(s, -2, 2)],
  ['abs', (r, s) => r.awayFromZero(s, 0.1, 2)],
  ['exp', (r, s) => r.uniform(s, -2, 2)],
  ['log', (r, s) => r.uniform(s, 0.2, 3)],
  ['sqrt', (r, s) => r.uniform(s, 0.2, 3)],
  ['square', (r, s) => r.uniform(s, -2, 2)],
  ['reciprocal', (r, s) => r.awayFromZero(s, 0.3, 2)],
  ['tanh', (r, s) => r.uniform(s, -2, 2)],
  ['sigmoid', (r, s) => r.uniform(s, -4, 4)],
  ['relu', (r, s) => r.awayFromZero(s, 0.1, 2)],
];

const BROADCASTS: readonly [number[], number[]][] = [[[3, 1], [1, 4]], [[2, 3, 4], [4]], [[], [3, 5]], [[2, 3], []]];

/** Operands for each differentiable binary op: positive bases for pow, no zero divisors, no max/min ties. */
function binaryOperands(op: 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'maximum' | 'minimum', r: Inputs, sa: number[], sb: number[]): NDArray[] {
  switch (op) {
    case 'pow': return [r.uniform(sa, 0.3, 2), r.uniform(sb, -1.5, 1.5)];
    case 'div': return [r.uniform(sa, -2, 2), r.awayFromZero(sb, 0.3, 2)];
    case 'maximum':
    case 'minimum': return [r.distinct(sa, 0.1), r.distinct(sb, 0.1, 0.5)];
    default: return [r.uniform(sa, -2, 2), r.uniform(sb, -2, 2)];
  }
}

const GRAD_CONV_CASES: readonly ConvCase[] = [
  { x: [1, 5, 5, 1], filter: [3, 3, 1, 2], strides: [1, 1], padding: 'same', dilations: [1, 1] },
  { x: [2, 7, 6, 3], filter: [3, 2, 3, 2], strides: [2, 2], padding: 'same', dilations: [1, 1] },
  { x: [1, 7, 6, 3], filter: [2, 3, 3, 1], strides: [2, 1], padding: 'valid', dilations: [1, 1] },
  { x: [1, 7, 7, 1], filter: [3, 3, 1, 2], strides: [1, 1], padding: 'valid', dilations: [2, 2] },
  { x: [1, 5, 6, 3], filter: [3, 3, 3, 1], strides: [1, 1], padding: 'same', dilations: [2, 2] },
];

export function gradientSuite(ctx: SuiteContext): void {
  const g = (coverage: Coverage, title: string, build: Build): void =>
    ctx.test(coverage, `gradient: ${title} [${ctx.gradDType}]`, (r) => checkGrads(ctx, r, build(r)));

  for (const [op, draw] of DIFFERENTIABLE_UNARY) {
    for (const shape of [[3, 5], []]) {
      g(op, `${op} on [${shape}]`, (r) => ({
        xs: [draw(r, shape)],
        f: ([x]) => UNARY_OPS[op](x!),
        ref: ([x]) => unary(op, x!),
      }));
    }
  }

  for (const op of ['add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum'] as const) {
    for (const [sa, sb] of BROADCASTS) {
      g(op, `${op} [${sa}] with [${sb}], broadcast gradients summed back`, (r) => ({
        xs: binaryOperands(op, r, sa, sb),
        f: ([a, b]) => BINARY_OPS[op](a!, b!),
        ref: ([a, b]) => binary(op, a!, b!),
      }));
    }
  }

  g('where', 'where(cond [3,1], a [1,4], b [3,4]) in a and b', (r) => ({
    xs: [r.uniform([1, 4]), r.uniform([3, 4])],
    constants: [input(r.ints([3, 1], 0, 2), 'float32')],
    f: ([a, b], [c]) => dl.where(c!, a!, b!),
    ref: ([a, b], [c]) => where(c!, a!, b!),
  }));
  g('clip', 'clip to [-0.5, 0.6], inputs off the bounds', (r) => ({
    xs: [r.distinct([4, 5], 0.1, 0.5)],
    f: ([x]) => dl.clip(x!, -0.5, 0.6),
    ref: ([x]) => clip(x!, -0.5, 0.6),
  }));

  const axesCases: [number | number[] | undefined, boolean][] = [[undefined, false], [1, false], [[0, 2], true], [-1, true]];
  for (const op of ['sum', 'mean', 'max', 'min'] as const) {
    const ops = { sum: dl.sum, mean: dl.mean, max: dl.max, min: dl.min };
    for (const [axis, keepDims] of axesCases) {
      g(op === 'mean' ? 'sum' : op, `${op} [2,3,4] axis ${JSON.stringify(axis)} keepDims ${keepDims}`, (r) => ({
        // max/min: all-different inputs, so no tie moves under finite differences.
        xs: [op === 'max' || op === 'min' ? r.distinct([2, 3, 4]) : r.uniform([2, 3, 4])],
        f: ([x]) => ops[op](x!, axis, keepDims),
        ref: ([x]) => reduce(op, x!, axis, keepDims),
      }));
    }
  }

  const matmulCases: [number[], number[], boolean, boolean][] = [
    [[3, 5], [5, 4], false, false],
    [[3, 5], [4, 5], false, true],
    [[5, 3], [5, 4], true, false],
    [[5, 3], [4, 5], true, true],
    [[2, 3, 5], [2, 5, 4], false, false],
    [[1, 3, 5], [2, 4, 5], false, true],
    [[2, 3, 5], [5, 4], false, false],
  ];
  for (const [sa, sb, tA, tB] of matmulCases) {
    g('matmul', `matMul [${sa}] x [${sb}] transposeA=${tA} transposeB=${tB}`, (r) => ({
      xs: [r.uniform(sa), r.uniform(sb)],
      f: ([a, b]) => dl.matMul(a!, b!, tA, tB),
      ref: ([a, b]) => matmul(a!, b!, tA, tB),
      scale: Math.sqrt(8),
    }));
  }

  g('transpose', 'transpose [2,3,4] perm [2,0,1]', (r) => ({
    xs: [r.uniform([2, 3, 4])],
    f: ([x]) => dl.transpose(x!, [2, 0, 1]),
    ref: ([x]) => transpose(x!, [2, 0, 1]),
  }));
  g('slice', 'slice [4,5] begin [1,1] size [2,-1]', (r) => ({
    xs: [r.uniform([4, 5])],
    f: ([x]) => dl.slice(x!, [1, 1], [2, -1]),
    ref: ([x]) => slice(x!, [1, 1], [2, -1]),
  }));
  g('concat', 'concat [2,3], [2,1], [2,2] on axis 1', (r) => ({
    xs: [r.uniform([2, 3]), r.uniform([2, 1]), r.uniform([2, 2])],
    f: (xs) => dl.concat(xs, 1),
    ref: (xs) => concat(xs, 1),
  }));
  g('pad', 'pad [2,3] with [[1,0],[2,1]]', (r) => ({
    xs: [r.uniform([2, 3])],
    f: ([x]) => dl.pad(x!, [[1, 0], [2, 1]], 0.5),
    ref: ([x]) => pad(x!, [[1, 0], [2, 1]], 0.5),
  }));
  g('reshape', 'reshape [2,3,4] to [4,-1] then square', (r) => ({
    xs: [r.uniform([2, 3, 4])],
    f: ([x]) => dl.square(dl.reshape(x!, [4, -1])),
    ref: ([x]) => unary('square', reshapeND(x!, [4, 6])),
  }));
  for (const [shape, idx, axis] of [[[5, 3], [0, 3, 3, 1, 0, 4], 0], [[2, 4, 3], [3, 0, 3], 1]] as const) {
    g('scatterAdd', `gather [${shape}] indices [${idx}] axis ${axis} (repeats sum)`, (r) => ({
      xs: [r.uniform(shape)],
      constants: [input({ shape: [idx.length], data: Float64Array.from(idx) }, 'int32')],
      f: ([x], [i]) => dl.gather(x!, i!, axis),
      ref: ([x], [i]) => gather(x!, i!, axis),
    }));
  }

  for (const c of GRAD_CONV_CASES) {
    g('conv2dBackpropInput', `conv2d in x: ${convLabel(c)}`, (r) => ({
      xs: [r.uniform(c.x)],
      constants: [input(r.uniform(c.filter), 'float32')],
      f: ([x], [w]) => dl.conv2d(x!, w!, c.strides, c.padding, c.dilations),
      ref: ([x], [w]) => conv2d(x!, w!, c),
      scale: Math.sqrt(c.filter[0]! * c.filter[1]! * c.filter[3]!),
    }));
    g('conv2dBackpropFilter', `conv2d in the filter: ${convLabel(c)}`, (r) => ({
      xs: [r.uniform(c.filter)],
      constants: [input(r.uniform(c.x), 'float32')],
      f: ([w], [x]) => dl.conv2d(x!, w!, c.strides, c.padding, c.dilations),
      ref: ([w], [x]) => conv2d(x!, w!, c),
      scale: Math.sqrt(c.x[0]! * c.x[1]! * c.x[2]!),
    }));
  }

  const poolCases: [number[], number, number, 'same' | 'valid'][] = [
    [[1, 4, 4, 1], 2, 2, 'valid'], [[2, 5, 5, 3], 3, 2, 'same'], [[1, 5, 7, 2], 3, 1, 'same'],
  ];
  for (const [shape, size, stride, padding] of poolCases) {
    const p = { poolSize: [size, size] as const, strides: [stride, stride] as const, padding };
    g('maxPoolBackward', `maxPool x [${shape}] pool ${size} stride ${stride} ${padding}`, (r) => ({
      xs: [r.distinct(shape)],
      f: ([x]) => dl.maxPool(x!, size, stride, padding),
      ref: ([x]) => maxPool(x!, p),
    }));
    g('avgPoolBackward', `avgPool x [${shape}] pool ${size} stride ${stride} ${padding}`, (r) => ({
      xs: [r.uniform(shape)],
      f: ([x]) => dl.avgPool(x!, size, stride, padding),
      ref: ([x]) => avgPool(x!, p),
    }));
  }

  g('softmax', 'softmax [3,5]', (r) => ({ xs: [r.uniform([3, 5], -2, 2)], f: ([x]) => dl.softmax(x!), ref: ([x]) => softmax(x!) }));
  g('logSoftmax', 'logSoftmax [3,5]', (r) => ({ xs: [r.uniform([3, 5], -2, 2)], f: ([x]) => dl.logSoftmax(x!), ref: ([x]) => logSoftmax(x!) }));

  for (const act of ACTIVATIONS) {
    // While gradients are recorded core composes dense from matMul, add and the activation.
    g('matmul', `dense(x [4,5], w [5,3], b [3], '${act}') in x, w and b`, (r) => ({
      xs: [r.uniform([4, 5]), r.uniform([5, 3]), r.uniform([3])],
      f: ([x, w, b]) => dl.dense(x!, w!, b, act),
      ref: ([x, w, b]) => denseReference(x!, w!, b!, act),
      scale: Math.sqrt(5),
    }));
  }
}
