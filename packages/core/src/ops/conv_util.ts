import type { Conv2DInfo, Padding } from '../backend/contract.js';
import { ShapeError, fmtShape } from '../errors.js';

export type Pair = number | readonly [number, number];

export function pair(op: string, what: string, v: Pair): [number, number] {
  const p: [number, number] = typeof v === 'number' ? [v, v] : [v[0], v[1]];
  if (!p.every((x) => Number.isInteger(x) && x >= 1)) throw new ShapeError(`${op}: ${what} must be positive integers, got ${JSON.stringify(v)}`);
  return p;
}

/** TensorFlow's output size and leading padding for one spatial axis. */
function axisGeometry(inSize: number, filter: number, stride: number, dilation: number, padding: Padding): { out: number; before: number } {
  const eff = (filter - 1) * dilation + 1;
  if (padding === 'same') {
    const out = Math.ceil(inSize / stride);
    const total = Math.max((out - 1) * stride + eff - inSize, 0);
    return { out, before: Math.floor(total / 2) };
  }
  return { out: Math.max(Math.ceil((inSize - eff + 1) / stride), 0), before: 0 };
}

/**
 * Resolves conv / pool geometry once for every backend. inShape is NHWC; filter is
 * [fh, fw, inC, outC] (for pooling: [ph, pw, C, C]).
 */
export function computeConv2DInfo(
  op: string,
  inShape: readonly number[],
  filterShape: readonly [number, number, number, number],
  strides: Pair,
  padding: Padding,
  dilations: Pair = 1,
): Conv2DInfo {
  if (inShape.length !== 4) throw new ShapeError(`${op}: input must be rank 4 [batch, height, width, channels], got ${fmtShape(inShape)}`);
  if (padding !== 'same' && padding !== 'valid') throw new ShapeError(`${op}: padding must be 'same' or 'valid', got ${JSON.stringify(padding)}`);
  const [batch, inHeight, inWidth, inChannels] = inShape as [number, number, number, number];
  const [filterHeight, filterWidth, filterIn, outChannels] = filterShape;
  if (filterIn !== inChannels) {
    throw new ShapeError(`${op}: input ${fmtShape(inShape)} has ${inChannels} channels but the filter ${fmtShape(filterShape)} expects ${filterIn}`);
  }
  const [strideHeight, strideWidth] = pair(op, 'strides', strides);
  const [dilationHeight, dilationWidth] = pair(op, 'dilations', dilations);
  const h = axisGeometry(inHeight, filterHeight, strideHeight, dilationHeight, padding);
  const w = axisGeometry(inWidth, filterWidth, strideWidth, dilationWidth, padding);
  if (h.out === 0 || w.out === 0) {
    throw new ShapeError(`${op}: the ${filterHeight}x${filterWidth} window (dilation ${dilationHeight}x${dilationWidth}) does not fit input ${fmtShape(inShape)} with 'valid' padding`);
  }
  return {
    batch, inHeight, inWidth, inChannels, outHeight: h.out, outWidth: w.out, outChannels,
    filterHeight, filterWidth, strideHeight, strideWidth, dilationHeight, dilationWidth,
    padTop: h.before, padLeft: w.before,
  };
}
