// Expected values from real scikit-learn and numpy (fixtures/make_fixtures.py).
import { describe, expect, it } from 'vitest';
import { dataArray, loadBreastCancer, numpyColumnMoments, StandardScaler, trainTestSplit } from '../src/index.js';
import { sha256Of } from './helpers/hashes.js';
import fixtures from './fixtures/sklearn_fixtures.json' with { type: 'json' };

const bc = await loadBreastCancer();
const all = trainTestSplit({ x: bc.data, y: bc.target }, { stratify: bc.target.data, testSize: 0.2, seed: 42 });
const { train, test: val } = trainTestSplit(all.train, { stratify: all.train.y.data, testSize: 0.2, seed: 42 });

describe('StandardScaler', () => {
  it("fits sklearn's mean_, var_ and scale_ on the book's 364 training rows, bit for bit", () => {
    const s = new StandardScaler().fit(train.x);
    expect(Array.from(s.mean!)).toEqual(fixtures.bc_scaler.mean);
    expect(Array.from(s.variance!)).toEqual(fixtures.bc_scaler.var);
    expect(Array.from(s.scale!)).toEqual(fixtures.bc_scaler.scale);
    const v = s.transform(val.x);
    expect(v.shape).toEqual([91, 30]);
    expect(Array.from(v.data.subarray(0, 30))).toEqual(fixtures.bc_scaler.val_row0);
    expect(sha256Of(v.data)).toBe(fixtures.bc_scaler.val_sha256);
  });

  it('gives constant columns scale 1 (zeros after transform), and inverts', () => {
    const fx = fixtures.const_scaler;
    const x = dataArray(Float64Array.from(fx.x.flat()), [4, 3]);
    const s = new StandardScaler();
    const t = s.fitTransform(x);
    expect(Array.from(s.mean!)).toEqual(fx.mean);
    expect(Array.from(s.scale!)).toEqual(fx.scale);
    expect(Array.from(t.data)).toEqual(fx.transformed);
    expect(Array.from(s.inverseTransform(t).data)).toEqual(fx.inverse);
  });

  it('keeps float32 input float32', () => {
    const x = dataArray(Float32Array.of(1, 10, 2, 20, 4, 40), [3, 2]);
    const t = new StandardScaler().fitTransform(x);
    expect(t.data).toBeInstanceOf(Float32Array);
    const m = 7 / 3;
    const sd = Math.sqrt(((1 - m) ** 2 + (2 - m) ** 2 + (4 - m) ** 2) / 3);
    expect(t.data[0]).toBe(Math.fround(Math.fround(1 - m) / sd));
  });

  it('refuses to transform before fit, other widths, and non-matrices', () => {
    const s = new StandardScaler();
    expect(() => s.transform(train.x)).toThrow(/StandardScaler.transform: call fit\(\) first/);
    s.fit(train.x);
    expect(() => s.transform(dataArray(new Float64Array(4), [2, 2]))).toThrow(/x has 2 features, the scaler was fitted on 30/);
    expect(() => s.fit(dataArray(new Float64Array(4), [4]))).toThrow(/expected a 2-D \[samples, features\] array, got shape \[4\]/);
  });
});

describe('numpyColumnMoments', () => {
  it("equals numpy's mean(axis=0) and std(axis=0) (the book's Ch05 standardisation)", () => {
    const { mean, variance } = numpyColumnMoments(train.x);
    expect(Array.from(mean)).toEqual(fixtures.bc_numpy_moments.mean);
    expect(Array.from(variance, Math.sqrt)).toEqual(fixtures.bc_numpy_moments.std);
  });
});
