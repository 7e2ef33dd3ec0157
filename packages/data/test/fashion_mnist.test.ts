// Real data: the offline copies (see helpers/shared_data.ts). Each array is loaded once per file.
import { describe, expect, it } from 'vitest';
import { loadFashionMnist, trainTestSplit, trainTestSplitIndices, FASHION_MNIST_CLASSES } from '../src/index.js';
import { sha256Of } from './helpers/hashes.js';
import { OFFLINE } from './helpers/shared_data.js';
import fixtures from './fixtures/sklearn_fixtures.json' with { type: 'json' };

const raw = await loadFashionMnist(OFFLINE);
const scaled = await loadFashionMnist({ ...OFFLINE, dtype: 'float32' });

function counts(labels: ArrayLike<number>): number[] {
  const c = new Array<number>(10).fill(0);
  for (let i = 0; i < labels.length; i++) c[labels[i]!]! += 1;
  return c;
}

describe('loadFashionMnist', () => {
  it('returns 60,000 + 10,000 uint8 images of 28 x 28 with labels and class names', () => {
    expect(raw.xTrain.shape).toEqual([60000, 28, 28]);
    expect(raw.xTest.shape).toEqual([10000, 28, 28]);
    expect(raw.xTrain.data).toBeInstanceOf(Uint8Array);
    expect(raw.yTrain.shape).toEqual([60000]);
    expect(raw.yTest.shape).toEqual([10000]);
    expect(counts(raw.yTrain.data)).toEqual(new Array(10).fill(6000));
    expect(counts(raw.yTest.data)).toEqual(new Array(10).fill(1000));
    expect(raw.classNames).toEqual(['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']);
    expect(FASHION_MNIST_CLASSES[9]).toBe('Ankle boot');
    // Upstream's README: the first training image is an ankle boot (9), the first test image too.
    expect([raw.yTrain.data[0], raw.yTest.data[0]]).toEqual([9, 9]);
  });

  it("as float32 holds pixel / 255 (the book's scaling) in one Float32Array per split", () => {
    expect(scaled.xTrain.data).toBeInstanceOf(Float32Array);
    expect(scaled.xTrain.data.length).toBe(60000 * 784);
    const u = raw.xTrain.data;
    const f = scaled.xTrain.data;
    let mismatches = 0;
    for (let i = 0; i < u.length; i++) if (f[i] !== Math.fround(u[i]! / 255)) mismatches++;
    expect(mismatches).toBe(0);
    expect(Array.from(scaled.yTest.data)).toEqual(Array.from(raw.yTest.data));
  });

  it('rejects an unknown dtype', async () => {
    await expect(loadFashionMnist({ ...OFFLINE, dtype: 'int32' as 'uint8' })).rejects.toThrow(/dtype must be 'uint8', 'float32' or 'float64', got 'int32'/);
  });
});

describe("the book's Ch07 split (stratified 0.2, seed 42)", () => {
  const split = trainTestSplit({ x: raw.xTrain, y: raw.yTrain }, { stratify: raw.yTrain.data, testSize: 0.2, seed: 42 });

  it('gives 48,000 / 12,000 rows, 4,800 / 1,200 of each class, first training label 6', () => {
    expect(split.train.x.shape).toEqual([48000, 28, 28]);
    expect(split.test.x.shape).toEqual([12000, 28, 28]);
    expect(counts(split.train.y.data)).toEqual(new Array(10).fill(4800));
    expect(counts(split.test.y.data)).toEqual(new Array(10).fill(1200));
    expect(split.train.y.data[0]).toBe(6);
  });

  it("picks exactly sklearn's rows", () => {
    expect(Array.from(split.indices.train.subarray(0, 10))).toEqual(fixtures.fashion_split.train_head);
    expect(Array.from(split.indices.test.subarray(0, 10))).toEqual(fixtures.fashion_split.test_head);
    expect(sha256Of(split.indices.train)).toBe(fixtures.fashion_split.train_sha256);
    expect(sha256Of(split.indices.test)).toBe(fixtures.fashion_split.test_sha256);
    const first = split.indices.train[0]!;
    expect(Array.from(split.train.x.data.subarray(0, 784))).toEqual(Array.from(raw.xTrain.data.subarray(first * 784, (first + 1) * 784)));
    expect(trainTestSplitIndices(60000, { stratify: raw.yTrain.data, testSize: 0.2, seed: 42 }).train).toEqual(split.indices.train);
  });
});
