import * as dl from '@dlts/core';
import { BINARY_KERNELS } from '../kernels.js';
import type { Inputs } from '../random_inputs.js';
import type { SuiteContext } from '../suite_context.js';
import { type Input, input, toTensor } from '../tensors.js';
import { BINARY_OPS } from './binary.js';

type ErrorClass = new (...args: never[]) => Error;

/** Whole-word match for numbers (so "3" does not match "13"), plain substring otherwise, spaces ignored. */
function mentions(message: string, what: string): boolean {
  const squeezed = message.replace(/\s+/g, '');
  const w = what.replace(/\s+/g, '');
  if (/^-?\d+$/.test(w)) return new RegExp(`(^|[^\\d])${w}($|[^\\d])`).test(squeezed);
  return squeezed.toLowerCase().includes(w.toLowerCase());
}

/**
 * Runs fn on fresh input tensors and requires it to throw `cls` with a message naming everything
 * in `named`. Inputs (and a result, if fn wrongly returns one) are disposed either way.
 */
export function expectRefusal(inputs: readonly Input[], fn: (...ts: dl.Tensor[]) => unknown, cls: ErrorClass, named: readonly string[]): void {
  const ts = inputs.map((i) => toTensor(i.x, i.dtype));
  try {
    let result: unknown;
    try {
      result = fn(...ts);
    } catch (e) {
      if (!(e instanceof cls)) throw new Error(`expected ${cls.name}, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
      if (!(e instanceof dl.DltsError)) throw new Error(`${cls.name} does not extend DltsError`);
      const missing = named.filter((n) => !mentions(e.message, n));
      if (missing.length > 0) throw new Error(`${cls.name} message "${e.message}" does not name ${missing.join(', ')}`);
      return;
    }
    if (result instanceof dl.Tensor) result.dispose();
    throw new Error(`expected ${cls.name} naming ${named.join(', ')}, but nothing was thrown`);
  } finally {
    dl.dispose(ts);
  }
}

const f32 = (r: Inputs, shape: number[]): Input => input(r.uniform(shape), 'float32');

export function errorSuite(ctx: SuiteContext): void {
  for (const op of BINARY_KERNELS) {
    ctx.test(op, 'mismatched shapes [2,3] and [4]: ShapeError naming the op and both shapes', (r) => {
      expectRefusal([f32(r, [2, 3]), f32(r, [4])], (a, b) => BINARY_OPS[op](a!, b!), dl.ShapeError, [op, '[2,3]', '[4]']);
    });
  }
  ctx.test('add', 'float32 + int32: DTypeError naming both dtypes', (r) => {
    const b = input(r.ints([3], 0, 5), 'int32');
    expectRefusal([f32(r, [3]), b], (x, y) => dl.add(x!, y!), dl.DTypeError, ['add', 'float32', 'int32']);
  });
  ctx.test('matmul', 'inner dimensions 3 and 4 differ: ShapeError naming both shapes', (r) => {
    expectRefusal([f32(r, [2, 3]), f32(r, [4, 5])], (a, b) => dl.matMul(a!, b!), dl.ShapeError, ['matmul', '[2,3]', '[4,5]']);
  });
  ctx.test('matmul', 'int32 operands: DTypeError naming int32', (r) => {
    const a = input(r.ints([2, 3], 0, 5), 'int32');
    const b = input(r.ints([3, 2], 0, 5), 'int32');
    expectRefusal([a, b], (x, y) => dl.matMul(x!, y!), dl.DTypeError, ['matmul', 'int32']);
  });
  ctx.test('gather', 'float indices: DTypeError naming the dtype', (r) => {
    const idx = input({ shape: [2], data: Float64Array.of(0, 1) }, 'float32');
    expectRefusal([f32(r, [3, 2]), idx], (x, i) => dl.gather(x!, i!), dl.DTypeError, ['gather', 'float32']);
  });
  ctx.test('gather', 'index 5 on an axis of size 3: IndexError naming both', (r) => {
    const idx = input({ shape: [3], data: Float64Array.of(0, 5, 1) }, 'int32');
    expectRefusal([f32(r, [3, 2]), idx], (x, i) => dl.gather(x!, i!, 0), dl.IndexError, ['gather', '5', '3']);
  });
  ctx.test('conv2d', 'rank-3 input: ShapeError', (r) => {
    expectRefusal([f32(r, [5, 5, 1]), f32(r, [3, 3, 1, 1])], (x, w) => dl.conv2d(x!, w!, 1, 'same'), dl.ShapeError, ['conv2d', '[5,5,1]']);
  });
  ctx.test('conv2d', 'input with 3 channels, filter for 2: ShapeError', (r) => {
    expectRefusal([f32(r, [1, 5, 5, 3]), f32(r, [3, 3, 2, 4])], (x, w) => dl.conv2d(x!, w!, 1, 'same'), dl.ShapeError, ['conv2d', '3', '2']);
  });
  ctx.test('reshape', '[2,3] to [4,2]: ShapeError naming both shapes', (r) => {
    expectRefusal([f32(r, [2, 3])], (x) => dl.reshape(x!, [4, 2]), dl.ShapeError, ['reshape', '[2,3]', '[4,2]']);
  });
  ctx.test('backends', 'tensors from two backend instances in one op: BackendError naming both', async (r) => {
    const other = `${ctx.name}-b`;
    dl.registerBackend(other, ctx.factory);
    await dl.setBackend(other);
    let b: dl.Tensor;
    try {
      b = toTensor(r.uniform([3]), 'float32');
    } finally {
      await dl.setBackend(ctx.name);
    }
    try {
      if (b.backendName !== other) throw new Error(`tensor made after setBackend('${other}') lives on '${b.backendName}'`);
      expectRefusal([f32(r, [3])], (a) => dl.add(a!, b), dl.BackendError, [ctx.name, other]);
    } finally {
      b.dispose();
    }
    const left = dl.memory(other);
    if (left.numTensors !== 0 || left.numBuffers !== 0) {
      throw new Error(`backend '${other}' still holds ${left.numTensors} tensors / ${left.numBuffers} buffers`);
    }
  });
}
