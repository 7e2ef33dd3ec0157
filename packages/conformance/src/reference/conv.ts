import { type NDArray, zerosND } from './ndarray.js';

export type PaddingMode = 'same' | 'valid';

/** Per spatial dim: output size and zero padding before, by the TensorFlow rule in the core docs. */
export function convDim(
  inSize: number, filter: number, stride: number, dilation: number, padding: PaddingMode,
): { out: number; padBefore: number } {
  const eff = (filter - 1) * dilation + 1;
  if (padding === 'valid') return { out: Math.ceil((inSize - eff + 1) / stride), padBefore: 0 };
  const out = Math.ceil(inSize / stride);
  const total = Math.max((out - 1) * stride + eff - inSize, 0);
  return { out, padBefore: Math.floor(total / 2) };
}

export interface ConvParams {
  readonly strides: readonly [number, number];
  readonly padding: PaddingMode;
  readonly dilations: readonly [number, number];
}

interface Geometry {
  batch: number; inH: number; inW: number; inC: number;
  fH: number; fW: number; outC: number;
  outH: number; outW: number; padTop: number; padLeft: number;
}

function geometry(xShape: readonly number[], fShape: readonly number[], p: ConvParams): Geometry {
  const [batch, inH, inW, inC] = xShape as [number, number, number, number];
  const [fH, fW, , outC] = fShape as [number, number, number, number];
  const h = convDim(inH, fH, p.strides[0], p.dilations[0], p.padding);
  const w = convDim(inW, fW, p.strides[1], p.dilations[1], p.padding);
  return { batch, inH, inW, inC, fH, fW, outC, outH: h.out, outW: w.out, padTop: h.padBefore, padLeft: w.padBefore };
}

/**
 * Visits every (output cell, filter tap, in channel, out channel) whose input cell lies inside the
 * image: the one loop nest that conv2d and both of its adjoints share, so each is the transpose
 * of the others by construction.
 */
function forEachTap(
  g: Geometry, p: ConvParams,
  visit: (xi: number, fi: number, yi: number) => void,
): void {
  for (let b = 0; b < g.batch; b++)
    for (let oh = 0; oh < g.outH; oh++)
      for (let ow = 0; ow < g.outW; ow++)
        for (let fh = 0; fh < g.fH; fh++)
          for (let fw = 0; fw < g.fW; fw++) {
            const ih = oh * p.strides[0] - g.padTop + fh * p.dilations[0];
            const iw = ow * p.strides[1] - g.padLeft + fw * p.dilations[1];
            if (ih < 0 || ih >= g.inH || iw < 0 || iw >= g.inW) continue;
            for (let c = 0; c < g.inC; c++)
              for (let o = 0; o < g.outC; o++) {
                const xi = ((b * g.inH + ih) * g.inW + iw) * g.inC + c;
                const fi = ((fh * g.fW + fw) * g.inC + c) * g.outC + o;
                const yi = ((b * g.outH + oh) * g.outW + ow) * g.outC + o;
                visit(xi, fi, yi);
              }
          }
}

/** x [N,H,W,C] (NHWC), filter [fH,fW,C,O] (HWIO) -> [N,outH,outW,O]. */
export function conv2d(x: NDArray, filter: NDArray, p: ConvParams): NDArray {
  const g = geometry(x.shape, filter.shape, p);
  const y = zerosND([g.batch, g.outH, g.outW, g.outC]);
  forEachTap(g, p, (xi, fi, yi) => (y.data[yi]! += x.data[xi]! * filter.data[fi]!));
  return y;
}

/** The adjoint of conv2d in x: dx = J^T dy. */
export function conv2dBackpropInput(
  dy: NDArray, filter: NDArray, inputShape: readonly number[], p: ConvParams,
): NDArray {
  const g = geometry(inputShape, filter.shape, p);
  const dx = zerosND(inputShape);
  forEachTap(g, p, (xi, fi, yi) => (dx.data[xi]! += dy.data[yi]! * filter.data[fi]!));
  return dx;
}

/** The adjoint of conv2d in the filter. */
export function conv2dBackpropFilter(
  x: NDArray, dy: NDArray, filterShape: readonly number[], p: ConvParams,
): NDArray {
  const g = geometry(x.shape, filterShape, p);
  const df = zerosND(filterShape);
  forEachTap(g, p, (xi, fi, yi) => (df.data[fi]! += x.data[xi]! * dy.data[yi]!));
  return df;
}
