import type { Padding } from '../backend/contract.js';
import { isFloatDType } from '../backend/contract.js';
import { DTypeError, ShapeError, fmtShape } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { computeConv2DInfo, type Pair } from './conv_util.js';
import { runOp } from './run.js';

function checkFloat(op: string, a: Tensor, b: Tensor): void {
  if (a.dtype !== b.dtype) throw new DTypeError(`${op}: dtypes ${a.dtype} and ${b.dtype} differ`);
  if (!isFloatDType(a.dtype)) throw new DTypeError(`${op}: needs float tensors, got ${a.dtype}`);
}

function filterDims(op: string, filterShape: readonly number[]): [number, number, number, number] {
  if (filterShape.length !== 4) throw new ShapeError(`${op}: filter must be rank 4 [height, width, inChannels, outChannels], got ${fmtShape(filterShape)}`);
  return filterShape as unknown as [number, number, number, number];
}

function checkDy(op: string, dy: Tensor, expected: readonly number[]): void {
  if (dy.shape.length !== 4 || dy.shape.some((d, i) => d !== expected[i])) {
    throw new ShapeError(`${op}: dy ${fmtShape(dy.shape)} does not match the output shape ${fmtShape(expected)}`);
  }
}

/** 2-D cross-correlation (TensorFlow's conv2d): x NHWC, filter HWIO. */
export function conv2d(x: Tensor, filter: Tensor, strides: Pair = 1, padding: Padding = 'valid', dilations: Pair = 1): Tensor {
  checkFloat('conv2d', x, filter);
  const info = computeConv2DInfo('conv2d', x.shape, filterDims('conv2d', filter.shape), strides, padding, dilations);
  return runOp('conv2d', [x, filter], (be, [v, f]) => be.conv2d(v!, f!, info), (dy, _out, needs) => [
    needs[0] ? conv2dBackpropInput(dy, filter, x.shape, strides, padding, dilations) : null,
    needs[1] ? conv2dBackpropFilter(x, dy, filter.shape, strides, padding, dilations) : null,
  ]);
}

/** Gradient of conv2d with respect to its input. */
export function conv2dBackpropInput(
  dy: Tensor, filter: Tensor, inputShape: readonly number[], strides: Pair = 1, padding: Padding = 'valid', dilations: Pair = 1,
): Tensor {
  checkFloat('conv2dBackpropInput', dy, filter);
  const info = computeConv2DInfo('conv2dBackpropInput', inputShape, filterDims('conv2dBackpropInput', filter.shape), strides, padding, dilations);
  checkDy('conv2dBackpropInput', dy, [info.batch, info.outHeight, info.outWidth, info.outChannels]);
  return runOp('conv2dBackpropInput', [dy, filter], (be, [g, f]) => be.conv2dBackpropInput(g!, f!, info), (ddx, _out, needs) => [
    needs[0] ? conv2d(ddx, filter, strides, padding, dilations) : null,
    needs[1] ? conv2dBackpropFilter(ddx, dy, filter.shape, strides, padding, dilations) : null,
  ]);
}

/** Gradient of conv2d with respect to its filter. */
export function conv2dBackpropFilter(
  x: Tensor, dy: Tensor, filterShape: readonly number[], strides: Pair = 1, padding: Padding = 'valid', dilations: Pair = 1,
): Tensor {
  checkFloat('conv2dBackpropFilter', x, dy);
  const info = computeConv2DInfo('conv2dBackpropFilter', x.shape, filterDims('conv2dBackpropFilter', filterShape), strides, padding, dilations);
  checkDy('conv2dBackpropFilter', dy, [info.batch, info.outHeight, info.outWidth, info.outChannels]);
  return runOp('conv2dBackpropFilter', [x, dy], (be, [v, g]) => be.conv2dBackpropFilter(v!, g!, info), (ddf, _out, needs) => [
    needs[0] ? conv2dBackpropInput(dy, ddf, x.shape, strides, padding, dilations) : null,
    needs[1] ? conv2d(x, ddf, strides, padding, dilations) : null,
  ]);
}
