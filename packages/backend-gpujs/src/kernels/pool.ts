import type { Conv2DInfo } from '@dlts/core';
import { lit, splitIndex } from '../codegen.js';
import type { GpuRuntime } from '../runtime.js';
import type { GpujsStorage, T } from '../storage.js';
import { nhwc, windowOf } from './conv_geometry.js';

/**
 * Loops over the in-image cells of each output's window, running `body` with `v` = the cell's
 * value and (fy, fx) its window position; padding cells are never visited.
 */
function overWindow(g: Conv2DInfo, b: string, oy: string, ox: string, c: string, body: string): string {
  return `for (let fy = 0; fy < ${lit(g.filterHeight)}; fy++) {\n`
    + `const iy = ${oy} * ${lit(g.strideHeight)} - ${lit(g.padTop)} + fy * ${lit(g.dilationHeight)};\n`
    + `if (iy >= 0 && iy < ${lit(g.inHeight)}) {\n`
    + `for (let fx = 0; fx < ${lit(g.filterWidth)}; fx++) {\n`
    + `const ix = ${ox} * ${lit(g.strideWidth)} - ${lit(g.padLeft)} + fx * ${lit(g.dilationWidth)};\n`
    + `if (ix >= 0 && ix < ${lit(g.inWidth)}) {\n`
    + `const v = x[${nhwc(b, 'iy', 'ix', c, g.inHeight, g.inWidth, g.inChannels)}];\n${body}\n}\n}\n}\n}\n`;
}

/** Number of in-image taps of the window starting at `start` (declared as `name`). */
function inImageCount(name: string, start: string, taps: number, dilation: number, size: number): string {
  return `let ${name} = 0;\nfor (let k = 0; k < ${lit(taps)}; k++) {\nconst t = ${start} + k * ${lit(dilation)};\nif (t >= 0 && t < ${lit(size)}) { ${name} += 1; }\n}\n`;
}

/** Max over each window, or (`position`) the row-major window index of its first maximum. */
function windowMax(rt: GpuRuntime, x: T, g: Conv2DInfo, position: boolean, op: string): GpujsStorage {
  const split = splitIndex('i', [g.batch, g.outHeight, g.outWidth, g.outChannels], 'c');
  const [b, oy, ox, c] = split.coords as [string, string, string, string];
  const take = `if (found == 0 || v > best) { best = v; found = 1; at = fy * ${lit(g.filterWidth)} + fx; }`;
  return rt.run({
    op,
    source: `function(x) {\nconst i = this.thread.x;\n${split.code}let best = 0;\nlet found = 0;\nlet at = 0;\n`
      + `${overWindow(g, b, oy, ox, c, take)}return ${position ? 'at' : 'best'};\n}`,
    size: g.batch * g.outHeight * g.outWidth * g.outChannels,
    inputs: [x.storage],
  });
}

export function maxPool(rt: GpuRuntime, x: T, g: Conv2DInfo): GpujsStorage {
  return windowMax(rt, x, g, false, 'maxPool');
}

/** dy goes to each window's first maximum: positions first, then each input cell collects. */
export function maxPoolBackward(rt: GpuRuntime, dy: T, x: T, g: Conv2DInfo): GpujsStorage {
  const positions = windowMax(rt, x, g, true, 'maxPoolBackward');
  try {
    const split = splitIndex('i', [g.batch, g.inHeight, g.inWidth, g.inChannels], 'c');
    const [b, iy, ix, c] = split.coords as [string, string, string, string];
    const wy = windowOf('oy', iy, 'fy', g.padTop, g.dilationHeight, g.strideHeight, g.outHeight);
    const wx = windowOf('ox', ix, 'fx', g.padLeft, g.dilationWidth, g.strideWidth, g.outWidth);
    return rt.run({
      op: 'maxPoolBackward',
      source: `function(dy, pos) {\nconst i = this.thread.x;\n${split.code}let acc = 0;\n`
        + `for (let fy = 0; fy < ${lit(g.filterHeight)}; fy++) {\n${wy.code}if (${wy.cond}) {\n`
        + `for (let fx = 0; fx < ${lit(g.filterWidth)}; fx++) {\n${wx.code}if (${wx.cond}) {\n`
        + `const w = ${nhwc(b, 'oy', 'ox', c, g.outHeight, g.outWidth, g.outChannels)};\n`
        + `if (pos[w] == fy * ${lit(g.filterWidth)} + fx) { acc += dy[w]; }\n`
        + '}\n}\n}\n}\nreturn acc;\n}',
      size: g.batch * g.inHeight * g.inWidth * g.inChannels,
      inputs: [dy.storage, positions],
    });
  } finally {
    rt.release(positions);
  }
}

/** Mean over the window cells inside the image (padding is not counted). */
export function avgPool(rt: GpuRuntime, x: T, g: Conv2DInfo): GpujsStorage {
  const split = splitIndex('i', [g.batch, g.outHeight, g.outWidth, g.outChannels], 'c');
  const [b, oy, ox, c] = split.coords as [string, string, string, string];
  return rt.run({
    op: 'avgPool',
    source: `function(x) {\nconst i = this.thread.x;\n${split.code}let acc = 0;\nlet n = 0;\n`
      + `${overWindow(g, b, oy, ox, c, 'acc += v;\nn += 1;')}return acc / n;\n}`,
    size: g.batch * g.outHeight * g.outWidth * g.outChannels,
    inputs: [x.storage],
  });
}

/** Each input cell collects dy / count from every window that contains it. */
export function avgPoolBackward(rt: GpuRuntime, dy: T, g: Conv2DInfo): GpujsStorage {
  const split = splitIndex('i', [g.batch, g.inHeight, g.inWidth, g.inChannels], 'c');
  const [b, iy, ix, c] = split.coords as [string, string, string, string];
  const wy = windowOf('oy', iy, 'fy', g.padTop, g.dilationHeight, g.strideHeight, g.outHeight);
  const wx = windowOf('ox', ix, 'fx', g.padLeft, g.dilationWidth, g.strideWidth, g.outWidth);
  return rt.run({
    op: 'avgPoolBackward',
    source: `function(dy) {\nconst i = this.thread.x;\n${split.code}let acc = 0;\n`
      + `for (let fy = 0; fy < ${lit(g.filterHeight)}; fy++) {\n${wy.code}if (${wy.cond}) {\n`
      + inImageCount('ny', `oy * ${lit(g.strideHeight)} - ${lit(g.padTop)}`, g.filterHeight, g.dilationHeight, g.inHeight)
      + `for (let fx = 0; fx < ${lit(g.filterWidth)}; fx++) {\n${wx.code}if (${wx.cond}) {\n`
      + inImageCount('nx', `ox * ${lit(g.strideWidth)} - ${lit(g.padLeft)}`, g.filterWidth, g.dilationWidth, g.inWidth)
      + `acc += dy[${nhwc(b, 'oy', 'ox', c, g.outHeight, g.outWidth, g.outChannels)}] / (ny * nx);\n`
      + '}\n}\n}\n}\nreturn acc;\n}',
    size: g.batch * g.inHeight * g.inWidth * g.inChannels,
    inputs: [dy.storage],
  });
}
