import { describe, expect, it } from 'vitest';
import { data } from 'dlts';
import { stratifiedKFold } from '../src/index.js';
import { ORACLE } from './helpers.js';

describe('stratifiedKFold', () => {
  it("gives sklearn's StratifiedKFold(10) folds on the book's 455 training rows", async () => {
    const bc = await data.loadBreastCancer();
    const split = data.trainTestSplit({ x: bc.data, y: bc.target }, { stratify: bc.target.data, testSize: 0.2, seed: 42 });
    const folds = stratifiedKFold(split.train.y.data, 10);
    expect(folds.map((f) => Array.from(f.test))).toEqual(ORACLE.sklearn.stratified_kfold_test_folds);
    for (const f of folds) expect(f.train.length + f.test.length).toBe(455);
  });

  it('numbers classes by first appearance, as sklearn does', () => {
    // Class 1 appears first: it fills the folds' first slots.
    const folds = stratifiedKFold([1, 1, 0, 0, 1, 0], 3);
    expect(folds.map((f) => Array.from(f.test))).toEqual([[0, 2], [1, 3], [4, 5]]);
  });

  it('refuses more folds than the largest class has members', () => {
    expect(() => stratifiedKFold([0, 1, 0, 1], 3)).toThrow(/nSplits must be an integer in \[2, 2\].*got 3/);
  });
});
