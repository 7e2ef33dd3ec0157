import type { Conv2DInfo } from '@dlts/core';
import type { Runtime } from '../runtime.js';

/** Geometry of the zero-bordered copy of an image that every window fits in without bounds tests. */
export interface Border {
  /** False when every window already lies inside the image: the image itself is used. */
  readonly needed: boolean;
  readonly padH: number;
  readonly padW: number;
}

export function borderOf(info: Conv2DInfo): Border {
  const extentH = (info.outHeight - 1) * info.strideHeight + (info.filterHeight - 1) * info.dilationHeight + 1;
  const extentW = (info.outWidth - 1) * info.strideWidth + (info.filterWidth - 1) * info.dilationWidth + 1;
  const needed = info.padTop > 0 || info.padLeft > 0 || extentH > info.inHeight || extentW > info.inWidth;
  if (!needed) return { needed, padH: info.inHeight, padW: info.inWidth };
  return { needed, padH: Math.max(extentH, info.padTop + info.inHeight), padW: Math.max(extentW, info.padLeft + info.inWidth) };
}

export interface ConvPointers {
  readonly padded: number;
  readonly input: number;
  readonly second: number;
  readonly out: number;
  readonly packed: number;
  readonly taps: number;
  readonly extra: number;
}

/**
 * Fills the job block as assembly/conv.ts ConvJob (after its op/scratch header): the geometry,
 * the bordered image's size, then the pointers. Pooling reads the geometry fields only.
 */
export function writeConvJob(rt: Runtime, op: number, info: Conv2DInfo, border: Border, p: ConvPointers): void {
  rt.writeJob(op, [
    info.batch, info.inHeight, info.inWidth, info.inChannels, info.outHeight, info.outWidth, info.outChannels,
    info.filterHeight, info.filterWidth, info.strideHeight, info.strideWidth, info.dilationHeight, info.dilationWidth,
    info.padTop, info.padLeft, border.padH, border.padW,
    p.padded, p.input, p.second, p.out, p.packed, p.taps, p.extra,
  ]);
}
