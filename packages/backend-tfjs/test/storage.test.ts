import * as dl from '@dlts/core';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createTfjsBackend, ENGINE_NAMES } from '../src/index.js';

describe('storage', () => {
  for (const engine of ENGINE_NAMES) {
    it(`${engine}: write copies its input, reads hand out copies, disposal is checked`, async () => {
      const be = await createTfjsBackend({ engine });
      const source = new Float32Array([1, 2, 3]);
      const t = be.write(source, [3], 'float32');
      source[0] = 9;
      expect(Array.from(be.readSync(t))).toEqual([1, 2, 3]);
      const read = be.readSync(t);
      read[1] = 7;
      expect(Array.from(await be.read(t))).toEqual([1, 2, 3]);
      expect(be.memory()).toEqual({ buffers: 1, bytes: 12 });
      be.disposeStorage(t);
      expect(be.memory()).toEqual({ buffers: 0, bytes: 0 });
      expect(() => be.disposeStorage(t)).toThrow(/disposeStorage of storage that is not live/);
      expect(() => be.readSync(t)).toThrow(/readSync of storage that is not live/);
    });

    it(`${engine}: int32 comes back as Int32Array, float32 as Float32Array`, async () => {
      const be = await createTfjsBackend({ engine });
      const a = be.write(new Int32Array([3, -1]), [2], 'int32');
      const b = be.write(new Int32Array([2, 2]), [2], 'int32');
      const less = be.binary('less', a, b, [2]);
      expect(be.readSync(less)).toEqual(new Int32Array([0, 1]));
      const f = be.cast(less, 'float32');
      expect(be.readSync(f)).toEqual(new Float32Array([0, 1]));
      for (const t of [a, b, less, f]) be.disposeStorage(t);
      expect(be.memory().buffers).toBe(0);
    });
  }
});

describe('two engines in one process (tfjs has one global engine)', () => {
  it('interleaved ops on tfjs-wasm and tfjs-cpu give the same results; each instance counts exactly its own storage', async () => {
    dl.registerBackend('mix-wasm', () => createTfjsBackend({ engine: 'wasm' }));
    dl.registerBackend('mix-cpu', () => createTfjsBackend({ engine: 'cpu' }));
    await dl.loadBackend('mix-wasm');
    await dl.loadBackend('mix-cpu');
    const tfBefore = tf.memory().numTensors;
    const dataBefore = { wasm: tf.findBackend('wasm').numDataIds(), cpu: tf.findBackend('cpu').numDataIds() };
    const rng = new dl.RandomState(11);
    const xs = rng.uniform(-1, 1, [2, 6, 6, 2]);
    const fs = rng.uniform(-1, 1, [3, 3, 2, 3]);
    const ws = rng.uniform(-1, 1, [12, 5]);

    const results: Record<string, dl.Tensor[]> = { 'mix-wasm': [], 'mix-cpu': [] };
    const step = async (name: string) => {
      await dl.setBackend(name);
      const x = dl.tensor(xs, [2, 6, 6, 2], 'float32');
      const f = dl.tensor(fs, [3, 3, 2, 3], 'float32');
      const w = dl.tensor(ws, [12, 5], 'float32');
      const y = dl.tidy(() => dl.matMul(dl.reshape(dl.maxPool(dl.relu(dl.conv2d(x, f, 1, 'same')), 3, 3), [2, 12]), w));
      results[name]!.push(x, f, w, y);
    };
    // Alternate so every op finds the other engine active.
    await step('mix-wasm');
    await step('mix-cpu');
    await step('mix-wasm');

    expect(dl.memory('mix-wasm')).toMatchObject({ numTensors: 8, numBuffers: 8, numBytes: 2 * 4 * (144 + 54 + 60 + 10) });
    expect(dl.memory('mix-cpu')).toMatchObject({ numTensors: 4, numBuffers: 4, numBytes: 4 * (144 + 54 + 60 + 10) });
    // No tfjs tensor outlives its kernel, and no data moved to the other engine.
    expect(tf.memory().numTensors - tfBefore).toBe(12);
    expect(tf.findBackend('wasm').numDataIds() - dataBefore.wasm).toBe(8);
    expect(tf.findBackend('cpu').numDataIds() - dataBefore.cpu).toBe(4);

    const [w1, c1, w2] = [results['mix-wasm']![3]!, results['mix-cpu']![3]!, results['mix-wasm']![7]!];
    const cpuValues = c1.dataSync();
    for (const got of [w1.dataSync(), w2.dataSync()]) {
      got.forEach((v, i) => expect(Math.abs(v - cpuValues[i]!)).toBeLessThan(1e-5 * (1 + Math.abs(cpuValues[i]!))));
    }

    for (const ts of Object.values(results)) dl.dispose(ts);
    expect(dl.memory('mix-wasm').numBuffers).toBe(0);
    expect(dl.memory('mix-cpu').numBuffers).toBe(0);
    expect(tf.memory().numTensors).toBe(tfBefore);
  });
});
