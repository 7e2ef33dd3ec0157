import type { Padding } from '../backend/contract.js';
import { isFloatDType } from '../backend/contract.js';
import { DTypeError, ShapeError, fmtShape } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { computeConv2DInfo, pair, type Pair } from './conv_util.js';
import { runOp } from './run.js';

function poolInfo(op: string, inShape: readonly number[], poolSize: Pair, strides: Pair | undefined, padding: Padding) {
  const [ph, pw] = pair(op, 'poolSize', poolSize);
  const c = inShape[3] ?? 0;
  return computeConv2DInfo(op, inShape, [ph, pw, c, c], strides ?? [ph, pw], padding);
}

function checkFloat(op: string, x: Tensor): void {
  if (!isFloatDType(x.dtype)) throw new DTypeError(`${op}: needs a float tensor, got ${x.dtype}`);
}

function checkDy(op: string, dy: Tensor, info: ReturnType<typeof poolInfo>): void {
  const want = [info.batch, info.outHeight, info.outWidth, info.outChannels];
  if (dy.rank !== 4 || dy.shape.some((d, i) => d !== want[i])) {
    throw new ShapeError(`${op}: dy ${fmtShape(dy.shape)} does not match the pooled shape ${fmtShape(want)}`);
  }
}

/** Max over poolSize windows (strides default to poolSize, as in Keras). */
export function maxPool(x: Tensor, poolSize: Pair, strides?: Pair, padding: Padding = 'valid'): Tensor {
  checkFloat('maxPool', x);
  const info = poolInfo('maxPool', x.shape, poolSize, strides, padding);
  return runOp('maxPool', [x], (be, [v]) => be.maxPool(v!, info), (dy) => [maxPoolBackward(dy, x, poolSize, strides, padding)]);
}

export function maxPoolBackward(dy: Tensor, x: Tensor, poolSize: Pair, strides?: Pair, padding: Padding = 'valid'): Tensor {
  checkFloat('maxPoolBackward', x);
  if (dy.dtype !== x.dtype) throw new DTypeError(`maxPoolBackward: dtypes ${dy.dtype} and ${x.dtype} differ`);
  const info = poolInfo('maxPoolBackward', x.shape, poolSize, strides, padding);
  checkDy('maxPoolBackward', dy, info);
  return runOp('maxPoolBackward', [dy, x], (be, [g, v]) => be.maxPoolBackward(g!, v!, info));
}

/** Mean over poolSize windows; padded cells are not counted. */
export function avgPool(x: Tensor, poolSize: Pair, strides?: Pair, padding: Padding = 'valid'): Tensor {
  checkFloat('avgPool', x);
  const info = poolInfo('avgPool', x.shape, poolSize, strides, padding);
  return runOp('avgPool', [x], (be, [v]) => be.avgPool(v!, info), (dy) => [avgPoolBackward(dy, x.shape, poolSize, strides, padding)]);
}

export function avgPoolBackward(dy: Tensor, inputShape: readonly number[], poolSize: Pair, strides?: Pair, padding: Padding = 'valid'): Tensor {
  checkFloat('avgPoolBackward', dy);
  const info = poolInfo('avgPoolBackward', inputShape, poolSize, strides, padding);
  checkDy('avgPoolBackward', dy, info);
  return runOp('avgPoolBackward', [dy], (be, [g]) => be.avgPoolBackward(g!, info), (ddx) => [avgPool(ddx, poolSize, strides, padding)]);
}
