import { readFileSync } from 'node:fs';
import { BackendError } from '@dlts/core';
import { describe, expect, it } from 'vitest';
import { createWasmBackend, relaxedSimdSupported } from '../src/index.js';

// Independent of the backend's own probe: can this runtime compile the relaxed build itself?
const relaxedRuns = WebAssembly.validate(readFileSync(new URL('../dist/kernels-relaxed.wasm', import.meta.url)));

describe('SIMD variant without --experimental-wasm-relaxed-simd', () => {
  it('this process runs plain SIMD only (Node 20 without the flag)', () => {
    expect(relaxedRuns).toBe(false);
    expect(relaxedSimdSupported()).toBe(false);
  });

  it("relaxedSimd: true is an error that names the flag, not a silent fallback", async () => {
    await expect(createWasmBackend({ threads: 1, relaxedSimd: true })).rejects.toThrow(BackendError);
    await expect(createWasmBackend({ threads: 1, relaxedSimd: true })).rejects.toThrow(/--experimental-wasm-relaxed-simd/);
  });

  it("'auto' and false load the plain build", async () => {
    for (const relaxedSimd of ['auto', false] as const) {
      const be = await createWasmBackend({ threads: 1, relaxedSimd });
      expect(be.simd).toBe('plain');
      await be.shutdown();
    }
  });
});

describe('options', () => {
  it('unknown options and bad values are errors naming the option', async () => {
    await expect(createWasmBackend({ thread: 2 })).rejects.toThrow(/unknown option 'thread' \(known: threads, relaxedSimd/);
    await expect(createWasmBackend({ threads: 0 })).rejects.toThrow(/option threads must be an integer in \[1, 128\], got 0/);
    await expect(createWasmBackend({ relaxedSimd: 'yes' })).rejects.toThrow(/relaxedSimd must be 'auto', true or false, got "yes"/);
    await expect(createWasmBackend({ maxMemoryMiB: 8192 })).rejects.toThrow(/maxMemoryMiB must be an integer in \[1, 4096\]/);
  });

  it('threads defaults to the available cores and sets the worker count', async () => {
    const { availableParallelism } = await import('node:os');
    const be = await createWasmBackend({ relaxedSimd: false });
    expect(be.threads).toBe(availableParallelism());
    await be.shutdown();
    const three = await createWasmBackend({ threads: 3, relaxedSimd: false });
    expect(three.threads).toBe(3);
    await three.shutdown();
  });
});
