// Keras's pad_sequences / to_categorical semantics; expected values from imdb_fixtures.json or written out by hand.
import { RandomState } from '@dlts/core';
import { describe, expect, it } from 'vitest';
import { BatchIterator, dataArray, filterSequences, padSequences, toCategorical } from '../src/index.js';
import fx from './fixtures/imdb_fixtures.json' with { type: 'json' };

describe('padSequences', () => {
  it('pads and truncates at either end like Keras', () => {
    const s = fx.pad_variants.seq;
    expect(Array.from(padSequences([s], { maxlen: 20 }).data)).toEqual(fx.pad_variants.pre_pre_20);
    expect(Array.from(padSequences([s], { maxlen: 20, padding: 'post', truncating: 'post' }).data)).toEqual(fx.pad_variants.post_post_20);
    expect(Array.from(padSequences([s], { maxlen: 40, padding: 'post', value: 9 }).data)).toEqual(fx.pad_variants.post_pre_40_v9);
  });

  it('defaults maxlen to the longest sequence and handles empty ones', () => {
    const p = padSequences([[1, 2, 3], [], [4]]);
    expect(p).toEqual({ data: Int32Array.of(1, 2, 3, 0, 0, 0, 0, 0, 4), shape: [3, 3] });
    expect(padSequences([[1.5]], { dtype: 'float32', value: 0.5, maxlen: 2 }).data).toEqual(Float32Array.of(0.5, 1.5));
    expect(() => padSequences([[1]], { padding: 'middle' as 'pre' })).toThrow(/padding must be 'pre' or 'post', got 'middle'/);
    expect(() => padSequences([[1]], { value: 0.5 })).toThrow(/value 0.5 is not an integer; use dtype: 'float32'/);
  });
});

describe('filterSequences', () => {
  it("keeps the ids a predicate accepts (the book's ids > 2)", () => {
    expect(filterSequences([Int32Array.of(1, 2, 5, 2, 7), [3]], (w) => w > 2)).toEqual([Int32Array.of(5, 7), Int32Array.of(3)]);
  });
});

describe('toCategorical', () => {
  it('one-hot encodes class ids of any shape into float32, as Keras does', () => {
    expect(toCategorical([2, 0, 1])).toEqual({ data: Float32Array.of(0, 0, 1, 1, 0, 0, 0, 1, 0), shape: [3, 3] });
    expect(toCategorical(dataArray(Int32Array.of(1, 0), [2, 1]), 4).shape).toEqual([2, 4]);
    const seq = toCategorical(dataArray(Int32Array.of(0, 2, 1, 1), [2, 2]), 3);
    expect(seq.shape).toEqual([2, 2, 3]);
    expect(Array.from(seq.data)).toEqual([1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0]);
    expect(() => toCategorical([0, 3], 3)).toThrow(/label 3 does not fit numClasses=3/);
    expect(() => toCategorical([0, -1])).toThrow(/label -1 at index 1 is not a non-negative integer/);
  });
});

describe('BatchIterator', () => {
  const x = dataArray(Float64Array.from({ length: 10 }, (_, i) => i * 10), [5, 2]);
  const y = dataArray(Uint8Array.of(0, 1, 2, 1, 0), [5]);

  it('draws one permutation per epoch from the seed, as np.random.seed(42) then permutation(n) each epoch', () => {
    const it = new BatchIterator({ x, y }, { batchSize: 2, seed: 42 });
    const ref = new RandomState(42);
    for (let epoch = 0; epoch < 3; epoch++) {
      const order = Array.from(ref.permutation(5));
      const batches = [...it.epoch()];
      expect(batches.map((b) => b.indices.length)).toEqual([2, 2, 1]);
      expect(batches.flatMap((b) => Array.from(b.indices))).toEqual(order);
      const b = batches[0]!;
      expect(Array.from(b.x.data)).toEqual([order[0]! * 20, order[0]! * 20 + 10, order[1]! * 20, order[1]! * 20 + 10]);
      expect(Array.from(b.y.data)).toEqual([y.data[order[0]!], y.data[order[1]!]]);
    }
  });

  it('keeps order without shuffle, can drop the partial batch, and one-hot encodes labels per batch', () => {
    const it = new BatchIterator({ x, y }, { batchSize: 2, shuffle: false, dropRemainder: true, oneHot: { y: 3 } });
    const batches = [...it.epoch()];
    expect(it.length).toBe(2);
    expect(batches.map((b) => Array.from(b.indices))).toEqual([[0, 1], [2, 3]]);
    expect(batches[1]!.y).toEqual({ data: Float32Array.of(0, 0, 1, 0, 1, 0), shape: [2, 3] });
  });

  it('refuses mismatched rows, bad batch sizes and ids outside the one-hot range', () => {
    expect(() => new BatchIterator({ x, y: dataArray(new Uint8Array(4), [4]) }, { batchSize: 2 })).toThrow(/'y' has 4 rows, 'x' has 5/);
    expect(() => new BatchIterator({ x }, { batchSize: 0 })).toThrow(/batchSize must be a positive integer, got 0/);
    expect(() => new BatchIterator({ x, y }, { batchSize: 2, oneHot: { y: 2 } })).toThrow(/'y' value 2 at 2 is not a class id in \[0, 2\)/);
  });
});
