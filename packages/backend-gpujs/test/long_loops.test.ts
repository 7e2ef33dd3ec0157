// Reductions and products whose per-output loops outrun what a WebGL shader may run (llvmpipe
// stops each fragment after 65535 loop iterations in all: runtime.ts MAX_SHADER_LOOPS).
import { RandomState } from '@dlts/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GpujsBackend, GPUJS_MODES, createGpujsBackend } from '../src/index.js';

describe.each(GPUJS_MODES)("mode '%s'", (mode) => {
  let backend: GpujsBackend;
  beforeAll(async () => {
    backend = await createGpujsBackend({ mode }, `gpujs-${mode}-long-loops`);
  });
  afterAll(async () => {
    await backend.shutdown();
  });

  it('sums, maxes and mins 120,300 elements per output, through partial results', () => {
    const shape = [300, 2, 401];
    const values = Float32Array.from(new RandomState(3).uniform(-1, 1, [300 * 2 * 401]) as Float64Array);
    const sum = [0, 0];
    const max = [-Infinity, -Infinity];
    const min = [Infinity, Infinity];
    values.forEach((v, i) => {
      const c = Math.floor(i / 401) % 2;
      sum[c] += v;
      max[c] = Math.max(max[c]!, v);
      min[c] = Math.min(min[c]!, v);
    });
    const x = backend.write(values, shape, 'float32');
    const ones = backend.write(new Float32Array(120000).fill(1), [120000], 'float32');
    const outs = [backend.reduce('sum', x, [0, 2]), backend.reduce('max', x, [0, 2]), backend.reduce('min', x, [0, 2]), backend.reduce('sum', ones, [0])];
    try {
      const [s, mx, mn, all] = outs.map((t) => Array.from(backend.readSync(t)));
      s!.forEach((v, c) => expect(Math.abs(v - sum[c]!)).toBeLessThan(1e-3));
      expect(mx).toEqual(max);
      expect(mn).toEqual(min);
      expect(all).toEqual([120000]); // one fragment alone stopped at 65535
    } finally {
      for (const t of [x, ones, ...outs]) backend.disposeStorage(t);
    }
  });

  it(mode === 'gpu' ? 'refuses a product whose inner loop would be cut short, saying why' : 'computes a product of any depth', () => {
    const a = backend.write(new Float32Array(70000).fill(1), [1, 1, 70000], 'float32');
    const b = backend.write(new Float32Array(70000).fill(1), [1, 70000, 1], 'float32');
    try {
      if (mode === 'gpu') {
        expect(() => backend.matmul(a, b, false, false)).toThrow(
          "matmul would loop 70000 times for one output value; WebGL shaders stop after 65535 loop iterations on Mesa's llvmpipe",
        );
      } else {
        const c = backend.matmul(a, b, false, false);
        expect(Array.from(backend.readSync(c))).toEqual([70000]);
        backend.disposeStorage(c);
      }
    } finally {
      backend.disposeStorage(a);
      backend.disposeStorage(b);
    }
  });
});
