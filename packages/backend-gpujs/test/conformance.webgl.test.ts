import { findBackend } from '@dlts/core';
import { describeBackend } from '@dlts/conformance';
import { describe, expect, it } from 'vitest';
import { type GpujsBackend, createGpujsBackend } from '../src/index.js';
import { exclusions } from './conformance.exclusions.js';
import { WEBGL_TOLERANCE } from './tolerances.js';

// Mode 'gpu' never falls back: without a display or a built headless-gl, creating the backend
// rejects with the cause and the fix, and this file fails (in CI and everywhere else).
describeBackend('gpujs', () => createGpujsBackend({ mode: 'gpu' }, 'gpujs'), { tolerance: { float32: WEBGL_TOLERANCE }, exclusions });

describe('gpujs conformance ran on WebGL', () => {
  it('every kernel the suite compiled was a headless-gl WebGL kernel, and results are textures', () => {
    const backend = findBackend('gpujs') as GpujsBackend;
    const info = backend.info();
    expect(info.mode).toBe('gpu');
    expect(info.gpujsMode).toBe('headlessgl');
    expect(info.kernelClass).toBe('HeadlessGLKernel');
    expect(info.webgl).toMatch(/^WebGL 1\.0/);
    // The runtime checks each newly compiled kernel's class (a CPU fallback throws), so a
    // count in the hundreds means that many distinct WebGL kernels ran.
    expect(info.kernels.compiled).toBeGreaterThan(300);
    const x = backend.write(Float32Array.of(1, 2), [2], 'float32');
    const y = backend.unary('neg', x);
    try {
      expect(y.storage.value).not.toBeInstanceOf(Float32Array);
      expect(y.storage.value).toHaveProperty('texture');
      expect(Array.from(backend.readSync(y))).toEqual([-1, -2]);
    } finally {
      backend.disposeStorage(x);
      backend.disposeStorage(y);
    }
  });
});
