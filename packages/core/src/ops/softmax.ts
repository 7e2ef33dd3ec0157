import { isFloatDType } from '../backend/contract.js';
import { DTypeError, ShapeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { exp } from './unary.js';
import { mul, sub } from './binary.js';
import { sum } from './reduce.js';
import { runOp } from './run.js';

function check(op: string, x: Tensor): void {
  if (!isFloatDType(x.dtype)) throw new DTypeError(`${op}: needs a float tensor, got ${x.dtype}`);
  if (x.rank < 1) throw new ShapeError(`${op}: needs rank >= 1, got a scalar`);
}

/** exp(x - max) / sum, along the last axis. */
export function softmax(x: Tensor): Tensor {
  check('softmax', x);
  return runOp('softmax', [x], (be, [v]) => be.softmax(v!), (dy, y) => [mul(y, sub(dy, sum(mul(dy, y), -1, true)))]);
}

/** x - max - log(sum(exp(x - max))), along the last axis. */
export function logSoftmax(x: Tensor): Tensor {
  check('logSoftmax', x);
  return runOp('logSoftmax', [x], (be, [v]) => be.logSoftmax(v!), (dy, y) => [sub(dy, mul(exp(y), sum(dy, -1, true)))]);
}
