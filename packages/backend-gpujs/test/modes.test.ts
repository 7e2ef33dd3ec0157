import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BackendError } from '@dlts/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GpujsBackend, GPUJS_MODES, createGpujsBackend } from '../src/index.js';

const run = promisify(execFile);
const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));

describe.each(GPUJS_MODES)("mode '%s'", (mode) => {
  let backend: GpujsBackend;
  beforeAll(async () => {
    backend = await createGpujsBackend({ mode, kernelCacheSize: 3 }, `gpujs-${mode}-modes`);
  });
  afterAll(async () => {
    await backend.shutdown();
  });

  it('runs the kernel type it was asked for, and keeps results where that mode computes', () => {
    const info = backend.info();
    expect(info.mode).toBe(mode);
    expect(info.kernelClass).toBe(mode === 'gpu' ? 'HeadlessGLKernel' : 'CPUKernel');
    expect(info.webgl === null).toBe(mode === 'cpu');
    const x = backend.write(Float32Array.of(-1, 2, -3), [3], 'float32');
    const y = backend.unary('relu', x);
    try {
      expect(y.storage.value instanceof Float32Array).toBe(mode === 'cpu');
      expect(Array.from(backend.readSync(y))).toEqual([0, 2, 0]);
    } finally {
      backend.disposeStorage(x);
      backend.disposeStorage(y);
    }
  });

  it('compiles a kernel once per shape; the bounded cache evicts without freeing live results', () => {
    const before = backend.info().kernels;
    const results = [];
    // Five sizes of one op: five kernels through a cache of three.
    for (const n of [2, 3, 4, 5, 6]) {
      const x = backend.write(Float32Array.from({ length: n }, (_, i) => i), [n], 'float32');
      results.push(backend.binary('mul', x, x, [n]));
      results.push(backend.binary('mul', x, x, [n]));
      backend.disposeStorage(x);
    }
    const after = backend.info().kernels;
    try {
      // write (an upload kernel on WebGL only) and mul, once per size; the second mul is a hit.
      expect(after.compiled - before.compiled).toBe(mode === 'gpu' ? 10 : 5);
      expect(after.cached).toBe(3);
      expect(after.evicted).toBeGreaterThan(before.evicted);
      // Results of evicted kernels still read back.
      expect(results.map((t) => Array.from(backend.readSync(t)))).toEqual(
        [2, 3, 4, 5, 6].flatMap((n) => {
          const squares = Array.from({ length: n }, (_, i) => i * i);
          return [squares, squares];
        }),
      );
    } finally {
      results.forEach((t) => backend.disposeStorage(t));
    }
    expect(backend.memory()).toEqual({ buffers: 0, bytes: 0 });
  });

  it('slices rows at every position with one kernel, and single values upload as uniforms', () => {
    const x = backend.write(Float32Array.from({ length: 12 }, (_, i) => i), [4, 3], 'float32');
    const values = [7, -2.5, 1e30, -Infinity, NaN, -0];
    const made = [backend.slice(x, [0, 0], [1, 3]), backend.write(Float32Array.of(values[0]!), [1], 'float32')];
    const compiled = backend.info().kernels.compiled;
    try {
      // A kernel per start offset (or per uploaded value) would compile here.
      made.push(...[1, 2, 3].map((r) => backend.slice(x, [r, 0], [1, 3])));
      made.push(...values.slice(1).map((v) => backend.write(Float32Array.of(v), [1], 'float32')));
      expect(backend.info().kernels.compiled).toBe(compiled);
      const read = made.map((t) => Array.from(backend.readSync(t)));
      expect(read.slice(2, 5)).toEqual([[3, 4, 5], [6, 7, 8], [9, 10, 11]]);
      expect(read[0]).toEqual([0, 1, 2]);
      expect([read[1]![0], ...read.slice(5).map((r) => r[0])]).toEqual(values.map((v) => Math.fround(v)));
    } finally {
      made.forEach((t) => backend.disposeStorage(t));
      backend.disposeStorage(x);
    }
  });

  it('int32 beyond ±2^24 reads back exactly, and an op on it names the float32 limit', () => {
    const big = backend.write(Int32Array.of(1 << 30, -(1 << 30) - 7, 3), [3], 'int32');
    try {
      expect(Array.from(backend.readSync(big))).toEqual([1 << 30, -(1 << 30) - 7, 3]);
      expect(() => backend.unary('neg', big)).toThrow(/neg .*2\^24/);
    } finally {
      backend.disposeStorage(big);
    }
  });

  it('empty operands: a k = 0 matmul sums nothing, padding an empty tensor is all padding', () => {
    const a = backend.write(new Float32Array(0), [1, 2, 0], 'float32');
    const b = backend.write(new Float32Array(0), [1, 0, 3], 'float32');
    const bias = backend.write(Float32Array.of(-1, 0, 2), [3], 'float32');
    const e = backend.write(new Float32Array(0), [0], 'float32');
    const out = [
      backend.matmul(a, b, false, false),
      backend.fusedMatmul({ ...a, shape: [2, 0] }, { ...b, shape: [0, 3] }, bias, false, false, 'relu'),
      backend.pad(e, [[1, 2]], 7),
    ];
    try {
      expect(out.map((t) => Array.from(backend.readSync(t)))).toEqual([[0, 0, 0, 0, 0, 0], [0, 0, 2, 0, 0, 2], [7, 7, 7]]);
    } finally {
      [a, b, bias, e, ...out].forEach((t) => backend.disposeStorage(t));
    }
  });

  it('refuses tensors over 2^24 elements, naming the op and the limit', () => {
    expect(() => backend.fill([4097, 4096], 0, 'float32')).toThrow(BackendError);
    expect(() => backend.fill([4097, 4096], 0, 'float32')).toThrow(/fill .*16781312 elements.*2\^24/);
  });
});

describe('options', () => {
  it('rejects an unknown mode, naming the modes', async () => {
    await expect(createGpujsBackend({ mode: 'webgpu' } as never)).rejects.toThrow(/mode "webgpu" is not one of 'gpu', 'cpu'/);
  });
  it('rejects unknown options and a bad cache size', async () => {
    await expect(createGpujsBackend({ mode: 'cpu', precision: 'unsigned' } as never)).rejects.toThrow(/unknown option\(s\) precision; known options: mode, kernelCacheSize/);
    await expect(createGpujsBackend({ mode: 'cpu', kernelCacheSize: 0 })).rejects.toThrow(/kernelCacheSize must be a positive integer, got 0/);
  });
});

/** What creating a 'gpu' backend prints in a child process with `env` and extra node flags. */
async function startInChild(env: NodeJS.ProcessEnv, flags: string[] = []): Promise<string> {
  const script = `import(${JSON.stringify(dist)}).then((m) => m.createGpujsBackend({ mode: 'gpu' })).then(
    (b) => { console.log('started ' + b.info().kernelClass); },
    (e) => { console.log(e.name + ': ' + e.message); })`;
  const { stdout } = await run(process.execPath, [...flags, '--input-type=module', '-e', script], { env });
  return stdout;
}

describe("mode 'gpu' that cannot start: one error with the fix, no fallback to cpu", () => {
  it('without a display, says to run under xvfb-run', async () => {
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.XAUTHORITY;
    const out = await startInChild(env);
    expect(out).toMatch(/^BackendError: gpujs backend \(mode 'gpu'\): headless-gl could not create a WebGL context \(DISPLAY=\(unset\)\)/);
    expect(out).toContain('xvfb-run -a -s "-screen 0 1280x1024x24 +extension GLX"');
  });
  it('without a built gl, names the apt packages and npm_config_nodedir', async () => {
    const out = await startInChild(process.env, ['-r', fileURLToPath(new URL('fixtures/without_gl.cjs', import.meta.url))]);
    expect(out).toMatch(/^BackendError: gpujs backend \(mode 'gpu'\): the native package 'gl' .* did not load: Cannot find module 'gl'/);
    expect(out).toContain('apt-get install python3 make g++ pkg-config libx11-dev libxext-dev libxi-dev libgl1-mesa-dev');
    expect(out).toContain('npm_config_nodedir=/usr');
  });
});
