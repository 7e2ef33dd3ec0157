import { convDim, type PaddingMode } from './conv.js';
import { type NDArray, zerosND } from './ndarray.js';

export interface PoolParams {
  readonly poolSize: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly padding: PaddingMode;
}

/** Calls visit(outIndex, inIndices) for every output cell with the in-image cells of its window, row-major. */
function forEachWindow(
  shape: readonly number[], p: PoolParams, visit: (yi: number, window: number[]) => void,
): number[] {
  const [batch, inH, inW, ch] = shape as [number, number, number, number];
  const h = convDim(inH, p.poolSize[0], p.strides[0], 1, p.padding);
  const w = convDim(inW, p.poolSize[1], p.strides[1], 1, p.padding);
  for (let b = 0; b < batch; b++)
    for (let oh = 0; oh < h.out; oh++)
      for (let ow = 0; ow < w.out; ow++)
        for (let c = 0; c < ch; c++) {
          const window: number[] = [];
          for (let ph = 0; ph < p.poolSize[0]; ph++)
            for (let pw = 0; pw < p.poolSize[1]; pw++) {
              const ih = oh * p.strides[0] - h.padBefore + ph;
              const iw = ow * p.strides[1] - w.padBefore + pw;
              if (ih >= 0 && ih < inH && iw >= 0 && iw < inW) window.push(((b * inH + ih) * inW + iw) * ch + c);
            }
          visit(((b * h.out + oh) * w.out + ow) * ch + c, window);
        }
  return [batch, h.out, w.out, ch];
}

function outShape(shape: readonly number[], p: PoolParams): number[] {
  return forEachWindow(shape, p, () => {});
}

/** Max over the in-image cells of each window (padding never wins). */
export function maxPool(x: NDArray, p: PoolParams): NDArray {
  const y = zerosND(outShape(x.shape, p));
  forEachWindow(x.shape, p, (yi, win) => (y.data[yi] = Math.max(...win.map((i) => x.data[i]!))));
  return y;
}

/** Routes each dy to the first maximum of its window (row-major order). */
export function maxPoolBackward(dy: NDArray, x: NDArray, p: PoolParams): NDArray {
  const dx = zerosND(x.shape);
  forEachWindow(x.shape, p, (yi, win) => {
    let best = win[0]!;
    for (const i of win) if (x.data[i]! > x.data[best]!) best = i;
    dx.data[best]! += dy.data[yi]!;
  });
  return dx;
}

/** Mean over the in-image cells of each window (padding excluded from the count). */
export function avgPool(x: NDArray, p: PoolParams): NDArray {
  const y = zerosND(outShape(x.shape, p));
  forEachWindow(x.shape, p, (yi, win) => (y.data[yi] = win.reduce((s, i) => s + x.data[i]!, 0) / win.length));
  return y;
}

export function avgPoolBackward(dy: NDArray, inputShape: readonly number[], p: PoolParams): NDArray {
  const dx = zerosND(inputShape);
  forEachWindow(inputShape, p, (yi, win) => {
    for (const i of win) dx.data[i]! += dy.data[yi]! / win.length;
  });
  return dx;
}
