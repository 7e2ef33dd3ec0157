// Expected values: sklearn_fixtures.json (real scikit-learn 1.2.1, see fixtures/make_fixtures.py) and BOOK.md.
import { describe, expect, it } from 'vitest';
import { loadBreastCancer, loadDiabetes, trainTestSplit, type DataArray } from '../src/index.js';
import { sha256Of } from './helpers/hashes.js';
import fixtures from './fixtures/sklearn_fixtures.json' with { type: 'json' };

const bc = await loadBreastCancer();

function classCounts(y: DataArray): number[] {
  const c = [0, 0];
  for (const v of y.data) c[v]! += 1;
  return c;
}

describe('loadBreastCancer', () => {
  it("equals sklearn's load_breast_cancer(): 569 x 30 float64, target, names", () => {
    const fx = fixtures.breast_cancer;
    expect(bc.data.shape).toEqual(fx.shape);
    expect(bc.featureNames).toEqual(fx.feature_names);
    expect(bc.targetNames).toEqual(fx.target_names);
    expect(Array.from(bc.data.data.subarray(0, 30))).toEqual(fx.row0);
    expect(Array.from(bc.data.data.subarray(568 * 30))).toEqual(fx.row568);
    expect(sha256Of(bc.data.data)).toBe(fx.data_sha256);
    expect(sha256Of(bc.target.data)).toBe(fx.target_sha256);
    expect(classCounts(bc.target)).toEqual([212, 357]);
  });

  it("gives the book's splits: 455 / 114, then 364 / 91, stratified with seed 42", () => {
    const first = trainTestSplit({ x: bc.data, y: bc.target }, { stratify: bc.target.data, testSize: 0.2, seed: 42 });
    expect(first.train.x.shape).toEqual([455, 30]);
    expect(first.test.x.shape).toEqual([114, 30]);
    // 455 * 212/569 = 169.5 and 455 * 357/569 = 285.5: the larger remainder (class 0) gets the extra row.
    expect(classCounts(first.train.y)).toEqual([170, 285]);
    expect(classCounts(first.test.y)).toEqual([42, 72]);
    expect(Array.from(first.indices.train)).toEqual(fixtures.bc_split.train_all);
    expect(Array.from(first.indices.test)).toEqual(fixtures.bc_split.test);

    const second = trainTestSplit(first.train, { stratify: first.train.y.data, testSize: 0.2, seed: 42 });
    expect(second.train.x.shape).toEqual([364, 30]);
    expect(second.test.x.shape).toEqual([91, 30]);
    // 455 = 5 x 91, so each class splits exactly 4 : 1.
    expect(classCounts(second.train.y)).toEqual([136, 228]);
    expect(classCounts(second.test.y)).toEqual([34, 57]);
    expect(Array.from(second.indices.train)).toEqual(fixtures.bc_split.train);
    expect(Array.from(second.indices.test)).toEqual(fixtures.bc_split.val);
  });
});

/** The book's Ch03 Neuron: w = b = 1, per-sample updates with learning rate 1, err = -(y - y_hat). */
function fitNeuron(x: DataArray<Float64Array>, y: DataArray<Float64Array>, epochs: number): { w: number; b: number; yHat0: number } {
  let w = 1;
  let b = 1;
  const yHat0 = x.data[2]! * w + 1 * b;
  for (let e = 0; e < epochs; e++) {
    for (let i = 0; i < 442; i++) {
      const xi = x.data[i * 10 + 2]!;
      const err = -(y.data[i]! - (xi * w + 1 * b));
      w -= xi * err;
      b -= 1 * err;
    }
  }
  return { w, b, yHat0 };
}

describe('loadDiabetes', () => {
  it("scaled (default) equals sklearn >= 1.2's load_diabetes() bit for bit", async () => {
    const d = await loadDiabetes();
    expect(d.data.shape).toEqual([442, 10]);
    expect(d.featureNames).toEqual(fixtures.diabetes.feature_names);
    expect(Array.from(d.data.data)).toEqual(fixtures.diabetes.scaled);
    expect(Array.from(d.target.data.subarray(0, 5))).toEqual(fixtures.diabetes.target_head);
    expect(sha256Of(d.target.data)).toBe(fixtures.diabetes.target_sha256);
    // Each column has sum of squares 1.
    for (let j = 0; j < 10; j++) {
      let s = 0;
      for (let i = 0; i < 442; i++) s += d.data.data[i * 10 + j]! ** 2;
      expect(s).toBeCloseTo(1, 12);
    }
  });

  it('raw and legacy tables equal the files as numpy.loadtxt reads them', async () => {
    const raw = await loadDiabetes({ scaled: false });
    expect(Array.from(raw.data.data.subarray(0, 10))).toEqual(fixtures.diabetes.raw_row0);
    expect(sha256Of(raw.data.data)).toBe(fixtures.diabetes.raw_sha256);
    const legacy = await loadDiabetes({ scaled: 'legacy' });
    expect(Array.from(legacy.data.data.subarray(0, 10))).toEqual(fixtures.diabetes.legacy_row0);
    expect(sha256Of(legacy.data.data)).toBe(fixtures.diabetes.legacy_sha256);
  });

  it("reproduces the book's Ch03 numbers from the legacy table, and BOOK.md's w from the rescaled one", async () => {
    const legacy = await loadDiabetes({ scaled: 'legacy' });
    const one = fitNeuron(legacy.data, legacy.target, 1);
    expect(one.yHat0).toBe(1.0616962065186886);
    expect([one.w, one.b]).toEqual([587.8654539985689, 99.40935564531424]);
    const hundred = fitNeuron(legacy.data, legacy.target, 100);
    expect([hundred.w, hundred.b]).toEqual([913.5973364345905, 123.39414383177204]);
    expect(0.18 * hundred.w + hundred.b).toBe(287.8416643899983);
    const rescaled = await loadDiabetes();
    expect(fitNeuron(rescaled.data, rescaled.target, 100).w).toBe(913.5973364346786);
  });

  it('rejects an unknown scaled option', async () => {
    await expect(loadDiabetes({ scaled: 'yes' as unknown as boolean })).rejects.toThrow(/scaled must be true, false or 'legacy', got "yes"/);
  });
});
