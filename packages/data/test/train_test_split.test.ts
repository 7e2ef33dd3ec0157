// Expected indices come from real scikit-learn (fixtures/make_fixtures.py).
import { RandomState } from '@dlts/core';
import { describe, expect, it } from 'vitest';
import { dataArray, takeRows, trainTestSplit, trainTestSplitIndices } from '../src/index.js';
import fixtures from './fixtures/sklearn_fixtures.json' with { type: 'json' };

describe('trainTestSplitIndices', () => {
  for (const c of fixtures.split_cases) {
    const label = `n=${c.n} ${c.stratify ? 'stratified' : 'plain'} seed=${c.seed} testSize=${c.testSize} trainSize=${c.trainSize} shuffle=${c.shuffle}`;
    it(`equals sklearn's train_test_split: ${label}`, () => {
      const got = trainTestSplitIndices(c.n, {
        testSize: c.testSize ?? undefined,
        trainSize: c.trainSize ?? undefined,
        seed: c.seed ?? undefined,
        shuffle: c.shuffle,
        stratify: c.stratify ?? undefined,
      });
      expect(Array.from(got.train)).toEqual(c.train);
      expect(Array.from(got.test)).toEqual(c.test);
    });
  }

  it('draws from a given RandomState and leaves it advanced, as sklearn does with an instance', () => {
    const rng = new RandomState(42);
    const a = trainTestSplitIndices(10, { seed: rng, testSize: 0.3 });
    const b = trainTestSplitIndices(10, { seed: rng, testSize: 0.3 });
    expect(a.test).toEqual(new RandomState(42).permutation(10).slice(0, 3));
    expect(Array.from(b.test)).not.toEqual(Array.from(a.test));
  });

  it('refuses impossible requests with messages that say why', () => {
    expect(() => trainTestSplitIndices(10, { testSize: 1.5 })).toThrow(/testSize=1.5 should be a fraction in \(0, 1\) or a count in \[1, 9\] for 10 samples/);
    expect(() => trainTestSplitIndices(10, { testSize: 6, trainSize: 5 })).toThrow(/5 training \+ 6 test samples exceed the 10 there are/);
    expect(() => trainTestSplitIndices(4, { stratify: [0, 0, 0, 1] })).toThrow(/least populated class in stratify has only 1 member/);
    expect(() => trainTestSplitIndices(6, { stratify: [0, 1, 2, 0, 1, 2], testSize: 2 })).toThrow(/test part \(2\) must hold at least one sample of each of the 3 classes/);
    expect(() => trainTestSplitIndices(6, { stratify: [0, 1, 0, 1, 0, 1], shuffle: false })).toThrow(/stratify needs shuffle: true/);
    expect(() => trainTestSplitIndices(6, { stratify: [0, 1] })).toThrow(/stratify has 2 labels for 6 samples/);
  });
});

describe('trainTestSplit', () => {
  it('splits named arrays and lists of rows alike, keeping rows together', () => {
    const x = dataArray(Float64Array.from({ length: 20 }, (_, i) => i), [10, 2]);
    const y = dataArray(Int32Array.from([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]), [10]);
    const seqs = Array.from({ length: 10 }, (_, i) => Int32Array.of(i, i));
    const s = trainTestSplit({ x, y, seqs }, { testSize: 0.4, seed: 3, stratify: y.data });
    expect(s.train.x.shape).toEqual([6, 2]);
    expect(s.test.seqs).toHaveLength(4);
    s.indices.train.forEach((row, i) => {
      expect(Array.from(s.train.x.data.subarray(2 * i, 2 * i + 2))).toEqual([2 * row, 2 * row + 1]);
      expect(s.train.y.data[i]).toBe(row % 2);
      expect(Array.from(s.train.seqs[i]!)).toEqual([row, row]);
    });
    expect(() => trainTestSplit({ x, y: dataArray(new Int32Array(3), [3]) })).toThrow(/'y' has 3 rows, 'x' has 10/);
  });

  it('takeRows copies rows in the given order and checks the indices', () => {
    const a = dataArray(Uint8Array.of(1, 2, 3, 4, 5, 6), [3, 2]);
    expect(takeRows(a, [2, 0])).toEqual({ data: Uint8Array.of(5, 6, 1, 2), shape: [2, 2] });
    expect(() => takeRows(a, [3])).toThrow(/index 3 at position 0 is outside \[0, 3\)/);
  });
});
