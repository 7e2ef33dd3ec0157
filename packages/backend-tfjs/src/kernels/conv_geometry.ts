import type { Conv2DInfo } from '@dlts/core';

/** tfjs's explicit NHWC padding: [[0, 0], [top, bottom], [left, right], [0, 0]]. */
export type ExplicitPadding = [[number, number], [number, number], [number, number], [number, number]];

/** Rows (or columns) of padded input the windows reach: (out - 1) * stride + (filter - 1) * dilation + 1. */
export function spanOf(out: number, stride: number, filter: number, dilation: number): number {
  return (out - 1) * stride + (filter - 1) * dilation + 1;
}

/**
 * Core's resolved geometry as tfjs explicit padding. The trailing pad is what the windows need past
 * the input; when they stop short of its end (valid padding with a stride that does not divide), it
 * would be negative, and 0 gives tfjs the same output size (its floor division drops the remainder).
 */
export function explicitPadding(info: Conv2DInfo): ExplicitPadding {
  const bottom = spanOf(info.outHeight, info.strideHeight, info.filterHeight, info.dilationHeight) - info.inHeight - info.padTop;
  const right = spanOf(info.outWidth, info.strideWidth, info.filterWidth, info.dilationWidth) - info.inWidth - info.padLeft;
  return [[0, 0], [info.padTop, Math.max(bottom, 0)], [info.padLeft, Math.max(right, 0)], [0, 0]];
}

/** The attributes tfjs's conv and pool kernels share. */
export function windowAttrs(info: Conv2DInfo): { strides: [number, number]; pad: ExplicitPadding; dataFormat: 'NHWC' } {
  return { strides: [info.strideHeight, info.strideWidth], pad: explicitPadding(info), dataFormat: 'NHWC' };
}

export function inputShapeOf(info: Conv2DInfo): [number, number, number, number] {
  return [info.batch, info.inHeight, info.inWidth, info.inChannels];
}
