import type { UnaryKernel } from '../backend/contract.js';
import { isFloatDType } from '../backend/contract.js';
import { DTypeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { zerosLike } from './creation.js';
import { div, mul, sub } from './binary.js';
import { runOp, type GradFn } from './run.js';

/** Ops that only make sense on floats. */
const FLOAT_ONLY = new Set<UnaryKernel>(['exp', 'log', 'sqrt', 'reciprocal', 'tanh', 'sigmoid']);

function unaryOp(op: UnaryKernel, x: Tensor, grad: GradFn): Tensor {
  if (FLOAT_ONLY.has(op) && !isFloatDType(x.dtype)) {
    throw new DTypeError(`${op}: needs a float tensor, got ${x.dtype}`);
  }
  return runOp(op, [x], (b, [v]) => b.unary(op, v!), grad);
}

export const neg = (x: Tensor): Tensor => unaryOp('neg', x, (dy) => [neg(dy)]);
export const abs = (x: Tensor): Tensor => unaryOp('abs', x, (dy) => [mul(dy, sign(x))]);
export const sign = (x: Tensor): Tensor => unaryOp('sign', x, (dy) => [zerosLike(dy)]);
export const exp = (x: Tensor): Tensor => unaryOp('exp', x, (dy, y) => [mul(dy, y)]);
export const log = (x: Tensor): Tensor => unaryOp('log', x, (dy) => [div(dy, x)]);
export const sqrt = (x: Tensor): Tensor => unaryOp('sqrt', x, (dy, y) => [div(dy, mul(y, 2))]);
export const square = (x: Tensor): Tensor => unaryOp('square', x, (dy) => [mul(dy, mul(x, 2))]);
export const reciprocal = (x: Tensor): Tensor => unaryOp('reciprocal', x, (dy, y) => [neg(mul(dy, square(y)))]);
export const tanh = (x: Tensor): Tensor => unaryOp('tanh', x, (dy, y) => [mul(dy, sub(1, square(y)))]);
export const sigmoid = (x: Tensor): Tensor => unaryOp('sigmoid', x, (dy, y) => [mul(dy, mul(y, sub(1, y)))]);
export const relu = (x: Tensor): Tensor => unaryOp('relu', x, (dy) => [mul(dy, step(x))]);
/** 1 where x > 0, else 0 (relu's derivative). */
export const step = (x: Tensor): Tensor => unaryOp('step', x, (dy) => [zerosLike(dy)]);
