import { DltsError, RandomState } from '@dlts/core';
import { rowCount, takeRows, type Rows } from './data_array.js';

export interface SplitOptions {
  /** A fraction in (0, 1) of the samples, or a count >= 1. Default 0.25, or the complement of trainSize. */
  readonly testSize?: number;
  /** A fraction in (0, 1) or a count. Default: the complement of testSize. */
  readonly trainSize?: number;
  /** An integer seed (numpy's RandomState) or a RandomState to draw from. Default: seeded from crypto. */
  readonly seed?: number | RandomState;
  /** Default true; false takes the first rows for training and the next ones for testing. */
  readonly shuffle?: boolean;
  /** Class labels, one per sample: each class keeps its proportion in both parts. */
  readonly stratify?: ArrayLike<number>;
}

export interface SplitIndices {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

function isFraction(v: number): boolean {
  return v > 0 && v < 1;
}

/** sklearn's _validate_shuffle_split: fractions round the test part up and the training part down. */
function splitSizes(n: number, testSize: number | undefined, trainSize: number | undefined): [number, number] {
  if (testSize === undefined && trainSize === undefined) testSize = 0.25;
  for (const [name, v] of [['testSize', testSize], ['trainSize', trainSize]] as const) {
    if (v !== undefined && !isFraction(v) && !(Number.isInteger(v) && v >= 1 && v < n)) {
      throw new DltsError(`trainTestSplit: ${name}=${v} should be a fraction in (0, 1) or a count in [1, ${n - 1}] for ${n} samples`);
    }
  }
  let nTest = testSize === undefined ? undefined : isFraction(testSize) ? Math.ceil(testSize * n) : testSize;
  let nTrain = trainSize === undefined ? undefined : isFraction(trainSize) ? Math.floor(trainSize * n) : trainSize;
  nTrain ??= n - nTest!;
  nTest ??= n - nTrain;
  if (nTrain + nTest > n) throw new DltsError(`trainTestSplit: ${nTrain} training + ${nTest} test samples exceed the ${n} there are`);
  if (nTrain === 0) throw new DltsError(`trainTestSplit: with n=${n}, testSize=${testSize} and trainSize=${trainSize} the training part would be empty`);
  return [nTrain, nTest];
}

/**
 * sklearn's _approximate_mode: the per-class counts closest to `counts * draws / total`, the
 * remaining draws going to the largest remainders, ties broken by `rng.choice` (a permutation).
 */
function approximateMode(counts: readonly number[], draws: number, rng: RandomState): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const continuous = counts.map((c) => (c / total) * draws);
  const floored = continuous.map(Math.floor);
  let need = draws - floored.reduce((a, b) => a + b, 0);
  if (need > 0) {
    const remainder = continuous.map((c, i) => c - floored[i]!);
    const values = [...new Set(remainder)].sort((a, b) => b - a);
    for (const value of values) {
      const inds = remainder.flatMap((r, i) => (r === value ? [i] : []));
      const add = Math.min(inds.length, need);
      const perm = rng.permutation(inds.length);
      for (let k = 0; k < add; k++) floored[inds[perm[k]!]!]! += 1;
      need -= add;
      if (need === 0) break;
    }
  }
  return floored;
}

function stratifiedIndices(y: ArrayLike<number>, nTrain: number, nTest: number, rng: RandomState): SplitIndices {
  const classes = [...new Set(Array.from(y))].sort((a, b) => a - b);
  // Per class, sample indices in increasing order (numpy's stable argsort of the class ids).
  const members = classes.map(() => [] as number[]);
  const classOf = new Map(classes.map((c, i) => [c, i]));
  for (let i = 0; i < y.length; i++) members[classOf.get(y[i]!)!]!.push(i);
  const counts = members.map((m) => m.length);
  const fewest = Math.min(...counts);
  if (fewest < 2) throw new DltsError(`trainTestSplit: the least populated class in stratify has only ${fewest} member; every class needs at least 2`);
  if (nTrain < classes.length) throw new DltsError(`trainTestSplit: the training part (${nTrain}) must hold at least one sample of each of the ${classes.length} classes`);
  if (nTest < classes.length) throw new DltsError(`trainTestSplit: the test part (${nTest}) must hold at least one sample of each of the ${classes.length} classes`);

  const nI = approximateMode(counts, nTrain, rng);
  const tI = approximateMode(counts.map((c, i) => c - nI[i]!), nTest, rng);
  const train: number[] = [];
  const test: number[] = [];
  members.forEach((idx, c) => {
    const perm = rng.permutation(counts[c]!);
    for (let k = 0; k < nI[c]! + tI[c]!; k++) (k < nI[c]! ? train : test).push(idx[perm[k]!]!);
  });
  return { train: Int32Array.from(rng.permutation(train)), test: Int32Array.from(rng.permutation(test)) };
}

/**
 * The row indices of sklearn's train_test_split for `n` samples: identical to scikit-learn's for
 * the same seed (ShuffleSplit, or StratifiedShuffleSplit with `stratify`), since the draws come
 * from core's numpy-compatible RandomState.
 */
export function trainTestSplitIndices(n: number, options: SplitOptions = {}): SplitIndices {
  if (!Number.isInteger(n) || n < 2) throw new DltsError(`trainTestSplit: needs at least 2 samples, got ${n}`);
  const [nTrain, nTest] = splitSizes(n, options.testSize, options.trainSize);
  const shuffle = options.shuffle ?? true;
  if (!shuffle) {
    if (options.stratify) throw new DltsError('trainTestSplit: stratify needs shuffle: true (sklearn refuses it too)');
    return { train: Int32Array.from({ length: nTrain }, (_, i) => i), test: Int32Array.from({ length: nTest }, (_, i) => nTrain + i) };
  }
  const rng = options.seed instanceof RandomState ? options.seed : new RandomState(options.seed);
  if (options.stratify) {
    if (options.stratify.length !== n) throw new DltsError(`trainTestSplit: stratify has ${options.stratify.length} labels for ${n} samples`);
    return stratifiedIndices(options.stratify, nTrain, nTest, rng);
  }
  const perm = rng.permutation(n);
  return { test: perm.slice(0, nTest), train: perm.slice(nTest, nTest + nTrain) };
}

export interface Split<T extends Record<string, Rows>> {
  readonly train: T;
  readonly test: T;
  readonly indices: SplitIndices;
}

/**
 * sklearn's train_test_split over named arrays that share axis 0:
 * `trainTestSplit({ x, y }, { stratify: y.data, testSize: 0.2, seed: 42 })` gives
 * `{ train: { x, y }, test: { x, y }, indices }` with the rows sklearn would pick.
 */
export function trainTestSplit<T extends Record<string, Rows>>(arrays: T, options: SplitOptions = {}): Split<T> {
  const names = Object.keys(arrays);
  if (names.length === 0) throw new DltsError('trainTestSplit: no arrays given');
  const n = rowCount(arrays[names[0]!]!);
  for (const name of names) {
    const m = rowCount(arrays[name]!);
    if (m !== n) throw new DltsError(`trainTestSplit: '${name}' has ${m} rows, '${names[0]}' has ${n}`);
  }
  const indices = trainTestSplitIndices(n, options);
  const pick = (idx: Int32Array) => Object.fromEntries(names.map((k) => [k, takeRows(arrays[k]!, idx)])) as T;
  return { train: pick(indices.train), test: pick(indices.test), indices };
}
