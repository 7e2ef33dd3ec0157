import type { Conv2DInfo } from '@dlts/core';
import { lit, splitIndex } from '../codegen.js';
import type { GpuRuntime } from '../runtime.js';
import type { GpujsStorage, T } from '../storage.js';
import { nhwc, windowOf } from './conv_geometry.js';
import { reduce } from './reduce.js';

/** y[b, oy, ox, o] = sum over fy, fx, c of x[b, oy*s - pad + fy*d, ..., c] * f[fy, fx, c, o]. */
export function conv2d(rt: GpuRuntime, x: T, filter: T, g: Conv2DInfo): GpujsStorage {
  const split = splitIndex('i', [g.batch, g.outHeight, g.outWidth, g.outChannels], 'c');
  const [b, oy, ox, o] = split.coords as [string, string, string, string];
  return rt.run({
    op: 'conv2d',
    source: `function(x, f) {\nconst i = this.thread.x;\n${split.code}let acc = 0;\n`
      + `for (let fy = 0; fy < ${lit(g.filterHeight)}; fy++) {\n`
      + `const iy = ${oy} * ${lit(g.strideHeight)} - ${lit(g.padTop)} + fy * ${lit(g.dilationHeight)};\n`
      + `if (iy >= 0 && iy < ${lit(g.inHeight)}) {\n`
      + `for (let fx = 0; fx < ${lit(g.filterWidth)}; fx++) {\n`
      + `const ix = ${ox} * ${lit(g.strideWidth)} - ${lit(g.padLeft)} + fx * ${lit(g.dilationWidth)};\n`
      + `if (ix >= 0 && ix < ${lit(g.inWidth)}) {\n`
      + `const xb = ${nhwc(b, 'iy', 'ix', '0', g.inHeight, g.inWidth, g.inChannels)};\n`
      + `const fb = (fy * ${lit(g.filterWidth)} + fx) * ${lit(g.inChannels * g.outChannels)} + ${o};\n`
      + `for (let c = 0; c < ${lit(g.inChannels)}; c++) {\nacc += x[xb + c] * f[fb + c * ${lit(g.outChannels)}];\n}\n`
      + '}\n}\n}\n}\nreturn acc;\n}',
    size: g.batch * g.outHeight * g.outWidth * g.outChannels,
    inputs: [x.storage, filter.storage],
    loops: g.filterHeight * g.filterWidth * g.inChannels,
  });
}

/** dx[b, iy, ix, c] = sum over the taps and output pixels that read it of dy * f. */
export function conv2dBackpropInput(rt: GpuRuntime, dy: T, filter: T, g: Conv2DInfo): GpujsStorage {
  const split = splitIndex('i', [g.batch, g.inHeight, g.inWidth, g.inChannels], 'c');
  const [b, iy, ix, c] = split.coords as [string, string, string, string];
  const wy = windowOf('oy', iy, 'fy', g.padTop, g.dilationHeight, g.strideHeight, g.outHeight);
  const wx = windowOf('ox', ix, 'fx', g.padLeft, g.dilationWidth, g.strideWidth, g.outWidth);
  return rt.run({
    op: 'conv2dBackpropInput',
    source: `function(dy, f) {\nconst i = this.thread.x;\n${split.code}let acc = 0;\n`
      + `for (let fy = 0; fy < ${lit(g.filterHeight)}; fy++) {\n${wy.code}if (${wy.cond}) {\n`
      + `for (let fx = 0; fx < ${lit(g.filterWidth)}; fx++) {\n${wx.code}if (${wx.cond}) {\n`
      + `const db = ${nhwc(b, 'oy', 'ox', '0', g.outHeight, g.outWidth, g.outChannels)};\n`
      + `const fb = ((fy * ${lit(g.filterWidth)} + fx) * ${lit(g.inChannels)} + ${c}) * ${lit(g.outChannels)};\n`
      + `for (let o = 0; o < ${lit(g.outChannels)}; o++) {\nacc += dy[db + o] * f[fb + o];\n}\n`
      + '}\n}\n}\n}\nreturn acc;\n}',
    size: g.batch * g.inHeight * g.inWidth * g.inChannels,
    inputs: [dy.storage, filter.storage],
    loops: g.filterHeight * g.filterWidth * g.outChannels,
  });
}

/** Split the batch when the filter has fewer elements than this... */
const SPLIT_BELOW = 16384;
/** ...and the per-image gradients fit in this many elements. */
const SPLIT_MAX = 1 << 22;

/**
 * dF[fy, fx, c, o] = sum over b, oy, ox of x[b, iy, ix, c] * dy[b, oy, ox, o]. A filter has few
 * elements and each sums over the whole batch, which leaves most of a GPU idle: small filters
 * first sum per image (batch x more fragments), then over the batch with the reduce kernel.
 */
export function conv2dBackpropFilter(rt: GpuRuntime, x: T, dy: T, g: Conv2DInfo): GpujsStorage {
  const filterSize = g.filterHeight * g.filterWidth * g.inChannels * g.outChannels;
  if (g.batch === 1 || filterSize >= SPLIT_BELOW || g.batch * filterSize > SPLIT_MAX) return filterGradient(rt, x, dy, g, false);
  const perImage = filterGradient(rt, x, dy, g, true);
  try {
    return reduce(rt, 'sum', { storage: perImage, shape: [g.batch, filterSize], dtype: x.dtype }, [0]);
  } finally {
    rt.release(perImage);
  }
}

/** The filter gradient summed over the batch, or (`perImage`) one per image, [batch, ...filter]. */
function filterGradient(rt: GpuRuntime, x: T, dy: T, g: Conv2DInfo, perImage: boolean): GpujsStorage {
  const filterShape = [g.filterHeight, g.filterWidth, g.inChannels, g.outChannels];
  const split = splitIndex('i', perImage ? [g.batch, ...filterShape] : filterShape, 'c');
  const [b, fy, fx, c, o] = (perImage ? split.coords : ['b', ...split.coords]) as [string, string, string, string, string];
  const body = `for (let oy = 0; oy < ${lit(g.outHeight)}; oy++) {\n`
    + `const iy = oy * ${lit(g.strideHeight)} - ${lit(g.padTop)} + ${fy} * ${lit(g.dilationHeight)};\n`
    + `if (iy >= 0 && iy < ${lit(g.inHeight)}) {\n`
    + `for (let ox = 0; ox < ${lit(g.outWidth)}; ox++) {\n`
    + `const ix = ox * ${lit(g.strideWidth)} - ${lit(g.padLeft)} + ${fx} * ${lit(g.dilationWidth)};\n`
    + `if (ix >= 0 && ix < ${lit(g.inWidth)}) {\n`
    + `acc += x[${nhwc(b, 'iy', 'ix', c, g.inHeight, g.inWidth, g.inChannels)}] * dy[${nhwc(b, 'oy', 'ox', o, g.outHeight, g.outWidth, g.outChannels)}];\n`
    + '}\n}\n}\n}\n';
  const loops = perImage ? body : `for (let b = 0; b < ${lit(g.batch)}; b++) {\n${body}}\n`;
  return rt.run({
    op: 'conv2dBackpropFilter',
    source: `function(x, dy) {\nconst i = this.thread.x;\n${split.code}let acc = 0;\n${loops}return acc;\n}`,
    size: (perImage ? g.batch : 1) * g.filterHeight * g.filterWidth * g.inChannels * g.outChannels,
    inputs: [x.storage, dy.storage],
    loops: (perImage ? 1 : g.batch) * g.outHeight * g.outWidth,
  });
}
