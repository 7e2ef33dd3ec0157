import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BackendError } from '@dlts/core';
import { describe, expect, it } from 'vitest';
import { createWasmBackend } from '../src/index.js';
import type { WasmStorage } from '../src/storage.js';
import type { KernelTensor } from '@dlts/core';

/** C = A·B in float64 from row-major arrays (the test's own reference). */
function reference(a: Float32Array, b: Float32Array, m: number, k: number, n: number, tA: boolean, tB: boolean): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[tA ? p * m + i : i * k + p]! * b[tB ? j * k + p : p * n + j]!;
      c[i * n + j] = s;
    }
  }
  return c;
}

function maxError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  let e = 0;
  for (let i = 0; i < want.length; i++) e = Math.max(e, Math.abs(got[i]! - want[i]!) / (1 + Math.abs(want[i]!)));
  return e;
}

const random = (n: number, seed: number) => {
  let s = seed;
  return Float32Array.from({ length: n }, () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1);
};

describe('wasm backend threads', () => {
  it('a process that never calls shutdown() still exits', () => {
    const script = fileURLToPath(new URL('./fixtures/no_shutdown.mjs', import.meta.url));
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 30000 });
    expect(run.error).toBeUndefined();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^threads 2 sum -?\d+/);
  });

  it('shutdown() stops the workers; later use is an error naming the backend', async () => {
    const be = await createWasmBackend({ threads: 2, relaxedSimd: false, parallelThreshold: 0 });
    const a = be.write(new Float32Array(16).fill(1), [1, 4, 4], 'float32');
    await be.shutdown();
    expect(() => be.matmul(a, a, false, false)).toThrow(BackendError);
    expect(() => be.matmul(a, a, false, false)).toThrow(/wasm backend: used after shutdown\(\)/);
    await be.shutdown();
  });

  // Larger than the conformance shapes: several KC-deep blocks (k > 256), several NC-wide blocks
  // (n > 1024), row blocks beyond MC (m > 128), and many chunks per thread.
  it.each([
    [false, false], [true, false], [false, true], [true, true],
  ])('matmul 130x600x1100 transposeA=%s transposeB=%s on 1 and 3 threads matches a float64 reference', async (tA, tB) => {
    const [m, k, n] = [130, 600, 1100];
    const A = random(m * k, 1);
    const B = random(k * n, 2);
    const want = reference(A, B, m, k, n, tA, tB);
    for (const threads of [1, 3]) {
      const be = await createWasmBackend({ threads, relaxedSimd: false, parallelThreshold: 0 });
      const a = be.write(A, tA ? [1, k, m] : [1, m, k], 'float32');
      const b = be.write(B, tB ? [1, n, k] : [1, k, n], 'float32');
      const c = be.matmul(a, b, tA, tB);
      expect(maxError(be.readSync(c), want)).toBeLessThan(1e-5 * Math.sqrt(k));
      await be.shutdown();
    }
  });

  it('conv2d with more taps than one KC block (3x3x32) agrees across 1 and 2 threads and with a reference', async () => {
    const info = {
      batch: 3, inHeight: 9, inWidth: 7, inChannels: 32, outHeight: 9, outWidth: 7, outChannels: 5,
      filterHeight: 3, filterWidth: 3, strideHeight: 1, strideWidth: 1, dilationHeight: 1, dilationWidth: 1, padTop: 1, padLeft: 1,
    };
    const X = random(3 * 9 * 7 * 32, 3);
    const F = random(3 * 3 * 32 * 5, 4);
    const want = new Float64Array(3 * 9 * 7 * 5);
    for (let b = 0; b < 3; b++) for (let y = 0; y < 9; y++) for (let x = 0; x < 7; x++) for (let o = 0; o < 5; o++) {
      let s = 0;
      for (let fy = 0; fy < 3; fy++) for (let fx = 0; fx < 3; fx++) {
        const iy = y - 1 + fy;
        const ix = x - 1 + fx;
        if (iy < 0 || iy >= 9 || ix < 0 || ix >= 7) continue;
        for (let c = 0; c < 32; c++) s += X[((b * 9 + iy) * 7 + ix) * 32 + c]! * F[((fy * 3 + fx) * 32 + c) * 5 + o]!;
      }
      want[((b * 9 + y) * 7 + x) * 5 + o] = s;
    }
    for (const threads of [1, 2]) {
      const be = await createWasmBackend({ threads, relaxedSimd: false, parallelThreshold: 0 });
      const y: KernelTensor<WasmStorage> = be.conv2d(be.write(X, [3, 9, 7, 32], 'float32'), be.write(F, [3, 3, 32, 5], 'float32'), info);
      expect(maxError(be.readSync(y), want)).toBeLessThan(1e-5 * Math.sqrt(288));
      await be.shutdown();
    }
  });
});
