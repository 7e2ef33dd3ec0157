import { afterAll, describe, expect, it } from 'vitest';
import { createWasmBackend, type WasmBackend } from '../src/index.js';

const backends: WasmBackend[] = [];
afterAll(async () => {
  for (const b of backends) await b.shutdown();
});

async function backend(options: Parameters<typeof createWasmBackend>[0] = {}): Promise<WasmBackend> {
  const b = await createWasmBackend({ threads: 1, relaxedSimd: false, ...options });
  backends.push(b);
  return b;
}

describe('wasm backend storage', () => {
  it('memory() counts exactly the live buffers and their bytes', async () => {
    const be = await backend();
    const x = be.write(new Float32Array(7), [7], 'float32');
    const y = be.write(new Int32Array([1, 2]), [2], 'int32');
    const empty = be.write(new Float32Array(0), [0, 3], 'float32');
    expect(be.memory()).toEqual({ buffers: 3, bytes: 36 });
    const z = be.binary('add', x, x, [7]);
    expect(be.memory()).toEqual({ buffers: 4, bytes: 64 });
    for (const t of [x, y, empty, z]) be.disposeStorage(t);
    expect(be.memory()).toEqual({ buffers: 0, bytes: 0 });
    expect(() => be.disposeStorage(x)).toThrow(/disposeStorage of storage that is not live/);
  });

  it('readSync returns a copy that is not a view of the shared memory', async () => {
    const be = await backend();
    const x = be.write(Float32Array.from([1, 2, 3]), [3], 'float32');
    const got = be.readSync(x) as Float32Array;
    expect(got.buffer).toBeInstanceOf(ArrayBuffer);
    got[0] = 99;
    expect(Array.from(be.readSync(x))).toEqual([1, 2, 3]);
    be.disposeStorage(x);
  });

  it('tensors written before the memory grows read back intact after it', async () => {
    const be = await backend({ initialMemoryMiB: 8 });
    const values = Float32Array.from({ length: 1000 }, (_, i) => i * 0.5 - 7);
    const x = be.write(values, [1000], 'float32');
    const before = be.heapStats().capacity;
    // 8 MiB per tensor: the memory has to grow several times.
    const big = [0, 1, 2].map(() => be.fill([2 * 1024 * 1024], 1.25, 'float32'));
    expect(be.heapStats().capacity).toBeGreaterThan(before);
    expect(Array.from(be.readSync(x))).toEqual(Array.from(values));
    const sum = be.reduce('sum', big[2]!, [0]);
    expect(be.readSync(sum)[0]).toBe(1.25 * 2 * 1024 * 1024);
    for (const t of [x, sum, ...big]) be.disposeStorage(t);
  });

  it('disposed tensors give their blocks back: the heap returns to its size in use', async () => {
    const be = await backend();
    const start = be.heapStats();
    for (let i = 0; i < 50; i++) {
      const t = be.fill([1 + ((i * 37) % 500)], i, 'float32');
      const u = be.unary('exp', t);
      be.disposeStorage(t);
      be.disposeStorage(u);
    }
    expect(be.heapStats().allocated).toBe(start.allocated);
    expect(be.heapStats().blocks).toBe(start.blocks);
  });
});
