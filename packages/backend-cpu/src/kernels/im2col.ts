import type { Conv2DInfo, TypedArray } from '@dlts/core';

/**
 * Patch-matrix conversions for convolution. The patch matrix has one row per output pixel
 * (batch, outY, outX) and one column per filter tap (filterY, filterX, inChannel), matching the HWIO
 * filter flattened to [filterH * filterW * inC, outC], so conv2d is patches @ filter.
 *
 * Both functions cover whole output image rows: `count` rows of outWidth pixels starting at image
 * row `first` (image row = batch * outHeight + outY), so callers can work in cache-sized chunks.
 * The loops run per (filterY, filterX) tap over the span of outX whose input column is inside the
 * image, which keeps the bounds tests out of the element loop.
 */

/** First and one-past-last outX whose input column ox * stride + ix0 lies in [0, inWidth). */
function validSpan(ix0: number, stride: number, inWidth: number, outWidth: number): [number, number] {
  const lo = ix0 >= 0 ? 0 : Math.ceil(-ix0 / stride);
  const hi = Math.min(outWidth, Math.ceil((inWidth - ix0) / stride));
  return [Math.min(lo, outWidth), Math.max(hi, 0)];
}

/** Writes the patch rows of output image rows [first, first + count) to dst (0 for padding taps). */
export function im2col(x: TypedArray, info: Conv2DInfo, first: number, count: number, dst: Float64Array): void {
  const { inHeight, inWidth, inChannels: C, outHeight, outWidth, filterHeight, filterWidth, strideWidth } = info;
  const K = filterHeight * filterWidth * C;
  dst.fill(0, 0, count * outWidth * K);
  for (let row = 0; row < count; row++) {
    const b = Math.floor((first + row) / outHeight);
    const oy = (first + row) % outHeight;
    const rowBase = row * outWidth * K;
    for (let fy = 0; fy < filterHeight; fy++) {
      const iy = oy * info.strideHeight - info.padTop + fy * info.dilationHeight;
      if (iy < 0 || iy >= inHeight) continue;
      const xRow = (b * inHeight + iy) * inWidth;
      for (let fx = 0; fx < filterWidth; fx++) {
        const ix0 = fx * info.dilationWidth - info.padLeft;
        const [lo, hi] = validSpan(ix0, strideWidth, inWidth, outWidth);
        let d = rowBase + lo * K + (fy * filterWidth + fx) * C;
        let s = (xRow + lo * strideWidth + ix0) * C;
        if (C === 1) {
          for (let ox = lo; ox < hi; ox++, d += K, s += strideWidth) dst[d] = x[s];
        } else {
          for (let ox = lo; ox < hi; ox++, d += K, s += strideWidth * C) {
            for (let c = 0; c < C; c++) dst[d + c] = x[s + c];
          }
        }
      }
    }
  }
}

/** The adjoint of im2col: adds the patch rows of output image rows [first, first + count) into dx. */
export function col2im(cols: Float64Array, info: Conv2DInfo, first: number, count: number, dx: Float64Array): void {
  const { inHeight, inWidth, inChannels: C, outHeight, outWidth, filterHeight, filterWidth, strideWidth } = info;
  const K = filterHeight * filterWidth * C;
  for (let row = 0; row < count; row++) {
    const b = Math.floor((first + row) / outHeight);
    const oy = (first + row) % outHeight;
    const rowBase = row * outWidth * K;
    for (let fy = 0; fy < filterHeight; fy++) {
      const iy = oy * info.strideHeight - info.padTop + fy * info.dilationHeight;
      if (iy < 0 || iy >= inHeight) continue;
      const xRow = (b * inHeight + iy) * inWidth;
      for (let fx = 0; fx < filterWidth; fx++) {
        const ix0 = fx * info.dilationWidth - info.padLeft;
        const [lo, hi] = validSpan(ix0, strideWidth, inWidth, outWidth);
        let s = rowBase + lo * K + (fy * filterWidth + fx) * C;
        let d = (xRow + lo * strideWidth + ix0) * C;
        if (C === 1) {
          for (let ox = lo; ox < hi; ox++, s += K, d += strideWidth) dx[d] += cols[s];
        } else {
          for (let ox = lo; ox < hi; ox++, s += K, d += strideWidth * C) {
            for (let c = 0; c < C; c++) dx[d + c] += cols[s + c];
          }
        }
      }
    }
  }
}
