// Expected folds and per-fold scaler statistics from real scikit-learn (fixtures/make_fixtures.py).
import { RandomState } from '@dlts/core';
import { describe, expect, it } from 'vitest';
import { crossValidate, KFold, loadBreastCancer, numpyMean, numpySum, StandardScaler, trainTestSplit } from '../src/index.js';
import { sha256Of } from './helpers/hashes.js';
import fixtures from './fixtures/sklearn_fixtures.json' with { type: 'json' };

const plain = (folds: { train: Int32Array; test: Int32Array }[]) => folds.map((f) => ({ train: Array.from(f.train), test: Array.from(f.test) }));

describe('KFold', () => {
  it("equals sklearn's KFold, contiguous and shuffled", () => {
    expect(plain(new KFold({ nSplits: 5 }).split(12))).toEqual(fixtures.kfold.k5_n12);
    expect(plain(new KFold({ nSplits: 4, shuffle: true, seed: 42 }).split(10))).toEqual(fixtures.kfold.k4_n10_shuffle42);
    const k10 = new KFold({ nSplits: 10, shuffle: true, seed: 42 });
    expect(plain(k10.split(455))).toEqual(fixtures.kfold.k10_n455_shuffle42);
    // An integer seed gives the same folds on every call; a RandomState advances.
    expect(plain(k10.split(455))).toEqual(fixtures.kfold.k10_n455_shuffle42);
    const shared = new KFold({ nSplits: 4, shuffle: true, seed: new RandomState(42) });
    expect(plain(shared.split(10))).toEqual(fixtures.kfold.k4_n10_shuffle42);
    expect(plain(shared.split(10))).not.toEqual(fixtures.kfold.k4_n10_shuffle42);
  });

  it("makes the book's folds with remainder 'train': 10 x 45 rows of 455, the last 5 rows never held out", () => {
    const folds = new KFold({ nSplits: 10, remainder: 'train' }).split(455);
    folds.forEach((f, i) => {
      expect(Array.from(f.test)).toEqual(Array.from({ length: 45 }, (_, k) => 45 * i + k));
      expect(f.train.length).toBe(410);
      expect(Array.from(f.train.subarray(-5))).toEqual([450, 451, 452, 453, 454]);
    });
  });

  it('refuses bad settings', () => {
    expect(() => new KFold({ nSplits: 1 })).toThrow(/nSplits must be an integer >= 2, got 1/);
    expect(() => new KFold({ seed: 3 })).toThrow(/a seed has no effect without shuffle: true/);
    expect(() => new KFold({ nSplits: 5 }).split(4)).toThrow(/cannot make 5 folds of 4 samples/);
  });
});

describe('crossValidate', () => {
  it("fits the scaler on each fold's training rows only (the book's Ch05 10-fold loop)", async () => {
    const bc = await loadBreastCancer();
    const { train } = trainTestSplit({ x: bc.data, y: bc.target }, { stratify: bc.target.data, testSize: 0.2, seed: 42 });
    const scalers: StandardScaler[] = [];
    const result = await crossValidate(train.x, train.y, {
      cv: new KFold({ nSplits: 10, remainder: 'train' }),
      preprocess: () => {
        const s = new StandardScaler();
        scalers.push(s);
        return s;
      },
      fitScore: ({ xTest, yTrain, fold }) => {
        expect(yTrain.shape).toEqual([410]);
        expect(sha256Of(xTest.data)).toBe(fixtures.book_cv[fold]!.val_sha256);
        return fold / 10;
      },
    });
    scalers.forEach((s, i) => {
      expect(Array.from(s.mean!)).toEqual(fixtures.book_cv[i]!.mean);
      expect(Array.from(s.scale!)).toEqual(fixtures.book_cv[i]!.scale);
    });
    expect(Array.from(result.scores)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
  });

  it('rejects x and y of different lengths', async () => {
    const bc = await loadBreastCancer();
    await expect(crossValidate(bc.data, [1, 2, 3], { fitScore: () => 0 })).rejects.toThrow(/x has 569 rows, y has 3/);
  });
});

describe('numpySum / numpyMean', () => {
  it("equal numpy's np.sum and np.mean bit for bit (pairwise summation)", () => {
    for (const c of fixtures.numpy_sums) {
      expect(numpySum(c.values), `n=${c.values.length}`).toBe(c.sum);
      expect(numpyMean(c.values), `n=${c.values.length}`).toBe(c.mean);
    }
  });
});
