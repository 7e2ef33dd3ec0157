/** saveWeights / loadWeights in safetensors: exact round trip, clear errors, nothing half-done. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as dl from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'dlts-weights-'));
beforeAll(async () => {
  await dl.setBackend('cpu');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cnn(seed: number): dl.Sequential {
  dl.setSeed(seed);
  return new dl.Sequential({
    layers: [
      new dl.Conv2D({ filters: 3, kernelSize: 3, activation: 'relu', padding: 'same', inputShape: [6, 6, 1] }),
      new dl.MaxPooling2D(),
      new dl.Flatten(),
      new dl.Dense({ units: 4, activation: 'softmax' }),
    ],
  });
}

describe('saveWeights / loadWeights', () => {
  const x = () => dl.tensor(new dl.RandomState(3).uniform(0, 1, [5 * 36]) as Float64Array, [5, 6, 6, 1]);

  it('save -> load -> predict is bit-identical, and the file is standard safetensors', () => {
    const a = cnn(1);
    const b = cnn(2);
    const input = x();
    const path = join(dir, 'cnn.safetensors');
    a.saveWeights(path);
    b.loadWeights(path);
    const [pa, pb] = [a.predict(input), b.predict(input)];
    expect(Array.from(pb.dataSync())).toEqual(Array.from(pa.dataSync()));
    // Header as Python's safetensors reads it.
    const bytes = readFileSync(path);
    const n = Number(bytes.readBigUInt64LE(0));
    const header = JSON.parse(bytes.subarray(8, 8 + n).toString('utf8'));
    expect(header['layers.0.kernel']).toEqual({ dtype: 'F32', shape: [3, 3, 1, 3], data_offsets: [0, 108] });
    expect(header['layers.3.bias'].shape).toEqual([4]);
    expect((8 + n) % 8).toBe(0);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    dl.dispose([pa, pb, input]);
    a.dispose();
    b.dispose();
  });

  it('a truncated or mismatched file gives a clear error and changes nothing', () => {
    const a = cnn(1);
    const path = join(dir, 'a.safetensors');
    a.saveWeights(path);
    const b = cnn(2);
    const before = b.weights.map((w) => Array.from(w.dataSync()));
    const unchanged = () => expect(b.weights.map((w) => Array.from(w.dataSync()))).toEqual(before);

    const truncated = join(dir, 'truncated.safetensors');
    const full = readFileSync(path);
    writeFileSync(truncated, full.subarray(0, full.length - 10));
    expect(() => b.loadWeights(truncated)).toThrow(/truncated\?/);
    unchanged();

    const other = new dl.Sequential({ layers: [new dl.Conv2D({ filters: 2, kernelSize: 3, padding: 'same', inputShape: [6, 6, 1] }), new dl.MaxPooling2D(), new dl.Flatten(), new dl.Dense({ units: 4 })] });
    const otherPath = join(dir, 'other.safetensors');
    other.saveWeights(otherPath);
    expect(() => b.loadWeights(otherPath)).toThrow(/'layers.0.kernel' is float32 \[3,3,1,2\] in the file, the model's is float32 \[3,3,1,3\]/);
    unchanged();

    const fewer = new dl.Sequential({ layers: [new dl.Dense({ units: 4, inputShape: [3] })] });
    const fewerPath = join(dir, 'fewer.safetensors');
    fewer.saveWeights(fewerPath);
    expect(() => b.loadWeights(fewerPath)).toThrow(/missing \[layers.3.kernel, layers.3.bias\]/);
    unchanged();

    expect(() => b.loadWeights(join(dir, 'nope.safetensors'))).toThrow(/cannot read .*nope.safetensors/);
    for (const m of [a, b, other, fewer]) m.dispose();
  });

  it('getWeights / setWeights copy values between models', () => {
    const a = cnn(1);
    const b = cnn(2);
    const w = a.getWeights();
    b.setWeights(w);
    b.weights.forEach((v, i) => expect(Array.from(v.dataSync())).toEqual(Array.from(w[i]!.dataSync())));
    expect(() => b.setWeights(w.slice(1))).toThrow(/expected 4 tensors, got 3/);
    dl.dispose(w);
    a.dispose();
    b.dispose();
  });
});
