import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWasmBackend, relaxedSimdSupported } from '../../src/index.js';

// This project's processes start with --experimental-wasm-relaxed-simd (vitest.config.ts).
const relaxedRuns = WebAssembly.validate(readFileSync(new URL('../../dist/kernels-relaxed.wasm', import.meta.url)));

describe('SIMD variant with --experimental-wasm-relaxed-simd', () => {
  it('the runtime compiles the relaxed build and the probe agrees', () => {
    expect(process.execArgv).toContain('--experimental-wasm-relaxed-simd');
    expect(relaxedRuns).toBe(true);
    expect(relaxedSimdSupported()).toBe(true);
  });

  it("'auto' and true load the relaxed build; false loads the plain one", async () => {
    for (const [relaxedSimd, want] of [['auto', 'relaxed'], [true, 'relaxed'], [false, 'plain']] as const) {
      const be = await createWasmBackend({ threads: 2, relaxedSimd });
      expect(be.simd).toBe(want);
      await be.shutdown();
    }
  });

  it('the relaxed build computes the same product as the plain one (to float32 rounding)', async () => {
    const n = 70;
    const values = Float32Array.from({ length: n * n }, (_, i) => Math.sin(i));
    const results = [];
    for (const relaxedSimd of [true, false]) {
      const be = await createWasmBackend({ threads: 1, relaxedSimd });
      const a = be.write(values, [1, n, n], 'float32');
      results.push(be.readSync(be.matmul(a, a, false, true)));
      await be.shutdown();
    }
    const [fused, plain] = results as [Float32Array, Float32Array];
    let worst = 0;
    for (let i = 0; i < fused.length; i++) worst = Math.max(worst, Math.abs(fused[i]! - plain[i]!));
    expect(worst).toBeLessThan(1e-4);
  });
});
