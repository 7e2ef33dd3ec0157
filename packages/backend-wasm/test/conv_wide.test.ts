import * as dl from '@dlts/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmBackend } from '../src/index.js';

/**
 * The conv loops for 9 to 12 output channels (forward, backprop filter) and 9 to 12 taps
 * (backprop input), which the conformance shapes do not reach, against float64 loops written here:
 * every row tail length (9..12), strides, both paddings, dilation, one and two threads.
 */

interface Case {
  x: [number, number, number, number];
  f: [number, number, number, number];
  s: [number, number];
  pad: 'same' | 'valid';
  d: [number, number];
}

const CASES: Case[] = [
  { x: [2, 9, 8, 1], f: [3, 3, 1, 10], s: [1, 1], pad: 'same', d: [1, 1] },
  { x: [1, 7, 9, 1], f: [3, 3, 1, 9], s: [2, 1], pad: 'same', d: [1, 1] },
  { x: [3, 8, 6, 2], f: [2, 3, 2, 11], s: [1, 2], pad: 'valid', d: [1, 1] },
  { x: [1, 9, 9, 1], f: [2, 5, 1, 12], s: [1, 1], pad: 'same', d: [2, 1] },
  { x: [2, 6, 7, 3], f: [2, 2, 3, 10], s: [2, 2], pad: 'valid', d: [1, 1] },
  { x: [1, 5, 13, 1], f: [1, 11, 1, 3], s: [1, 1], pad: 'same', d: [1, 1] },
];

/** TensorFlow's output size and leading padding for one axis. */
function axis(n: number, f: number, s: number, d: number, pad: 'same' | 'valid'): [number, number] {
  const eff = (f - 1) * d + 1;
  if (pad === 'valid') return [Math.ceil((n - eff + 1) / s), 0];
  const out = Math.ceil(n / s);
  return [out, Math.floor(Math.max((out - 1) * s + eff - n, 0) / 2)];
}

/** Calls visit(xIndex, fIndex, yIndex) for every product term of the convolution. */
function forEachTerm(c: Case, visit: (xi: number, fi: number, yi: number) => void): number[] {
  const [B, H, W, C] = c.x;
  const [FH, FW, , N] = c.f;
  const [OH, top] = axis(H, FH, c.s[0], c.d[0], c.pad);
  const [OW, left] = axis(W, FW, c.s[1], c.d[1], c.pad);
  for (let b = 0; b < B; b++) for (let oy = 0; oy < OH; oy++) for (let ox = 0; ox < OW; ox++) {
    for (let fy = 0; fy < FH; fy++) for (let fx = 0; fx < FW; fx++) {
      const iy = oy * c.s[0] - top + fy * c.d[0];
      const ix = ox * c.s[1] - left + fx * c.d[1];
      if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
      for (let ch = 0; ch < C; ch++) for (let o = 0; o < N; o++) {
        visit(((b * H + iy) * W + ix) * C + ch, ((fy * FW + fx) * C + ch) * N + o, ((b * OH + oy) * OW + ox) * N + o);
      }
    }
  }
  return [B, OH, OW, N];
}

function values(n: number, seed: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => Math.sin(seed * 7.1 + i * 1.37));
}

const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

function expectClose(got: ArrayLike<number>, want: Float64Array, k: number): void {
  expect(got.length).toBe(want.length);
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!) / (1 + Math.abs(want[i]!)));
  expect(worst).toBeLessThan(1e-5 * Math.sqrt(k));
}

for (const threads of [1, 2]) {
  describe(`conv2d with 9-12 wide sides, ${threads} thread(s)`, () => {
    const name = `wasm-conv-wide-${threads}t`;
    beforeAll(async () => {
      dl.registerBackend(name, () => createWasmBackend({ threads, relaxedSimd: false, parallelThreshold: 0 }));
      await dl.setBackend(name);
    });
    afterAll(() => dl.shutdownBackends());

    it.each(CASES)('x $x filter $f strides $s $pad dilation $d: forward and both backprops', (c) => {
      const X = values(size(c.x), 1);
      const F = values(size(c.f), 2);
      const yShape = forEachTerm(c, () => {});
      const DY = values(size(yShape), 3);
      const y = new Float64Array(size(yShape));
      const dx = new Float64Array(X.length);
      const dw = new Float64Array(F.length);
      forEachTerm(c, (xi, fi, yi) => {
        y[yi] += X[xi]! * F[fi]!;
        dx[xi] += DY[yi]! * F[fi]!;
        dw[fi] += X[xi]! * DY[yi]!;
      });
      const before = dl.memory(name).numTensors;
      const [x, f, g] = [dl.tensor(X, c.x), dl.tensor(F, c.f), dl.tensor(DY, yShape)];
      const outs = [
        dl.conv2d(x, f, c.s, c.pad, c.d),
        dl.conv2dBackpropInput(g, f, c.x, c.s, c.pad, c.d),
        dl.conv2dBackpropFilter(x, g, c.f, c.s, c.pad, c.d),
      ];
      const [fh, fw, inC, outC] = c.f;
      expectClose(outs[0]!.dataSync(), y, fh * fw * inC);
      expectClose(outs[1]!.dataSync(), dx, fh * fw * outC);
      expectClose(outs[2]!.dataSync(), dw, size(yShape) / outC);
      dl.dispose([x, f, g, ...outs]);
      expect(dl.memory(name).numTensors).toBe(before);
    });
  });
}
