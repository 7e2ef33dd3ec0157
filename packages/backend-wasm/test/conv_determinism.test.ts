import * as dl from '@dlts/core';
import { describe, expect, it } from 'vitest';
import { createWasmBackend } from '../src/index.js';

/**
 * Backprop filter on two threads sums each chunk of pixels into its own partial and the partials
 * in chunk order, so its bits do not depend on which thread claimed which chunk. The worker is
 * made to join late on some calls (it sleeps after 1 ms idle), which changes the chunks each
 * thread takes: with per-thread partials the sums came out in different orders.
 */
describe('wasm conv2dBackpropFilter on two threads', () => {
  it.each([10, 4])('gives the same bits on every call (%i output channels)', async (outC) => {
    const be = await createWasmBackend({ threads: 2, relaxedSimd: false, parallelThreshold: 0 });
    const info = dl.computeConv2DInfo('test', [32, 28, 28, 1], [3, 3, 1, outC], 1, 'same', 1);
    const values = (n: number, seed: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37 + seed) * 10);
    const x = be.write(values(32 * 28 * 28, 1), [32, 28, 28, 1], 'float32');
    const dy = be.write(values(32 * 28 * 28 * outC, 2), [32, 28, 28, outC], 'float32');
    const results = new Set<string>();
    const idle = new Int32Array(new SharedArrayBuffer(4));
    try {
      for (let call = 0; call < 24; call++) {
        if (call % 3 === 0) Atomics.wait(idle, 0, 0, 3);
        const dw = be.conv2dBackpropFilter(x, dy, info);
        results.add(Buffer.from((be.readSync(dw) as Float32Array).buffer).toString('hex'));
        be.disposeStorage(dw);
      }
      expect(results.size).toBe(1);
    } finally {
      be.disposeStorage(x);
      be.disposeStorage(dy);
      await be.shutdown();
    }
  });
});
