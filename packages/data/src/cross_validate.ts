import { DltsError } from '@dlts/core';
import { rowCount, takeRows, type DataArray, type Rows } from './data_array.js';
import { KFold, type Fold } from './kfold.js';
import { numpyMean } from './numpy_sum.js';
import type { Transformer } from './standard_scaler.js';

/** One fold's data, with x already preprocessed (fitted on xTrain only). */
export interface FoldData<Y extends Rows> {
  readonly xTrain: DataArray;
  readonly yTrain: Y;
  readonly xTest: DataArray;
  readonly yTest: Y;
  readonly fold: number;
  readonly indices: Fold;
}

export interface CrossValidateOptions<Y extends Rows> {
  /** The folds: a KFold, or a number of contiguous folds (sklearn's default KFold). Default 5. */
  readonly cv?: KFold | number;
  /** Makes a fresh preprocessing step per fold (e.g. `() => new StandardScaler()`), fitted on that fold's training rows only. */
  readonly preprocess?: () => Transformer;
  /** Trains a model on the fold's training rows and returns its score on the held-out rows. */
  readonly fitScore: (fold: FoldData<Y>) => number | Promise<number>;
}

export interface CrossValidateResult {
  /** One score per fold. */
  readonly scores: Float64Array;
  /** Their mean, summed as np.mean does. */
  readonly mean: number;
}

/**
 * Cross-validation like sklearn's cross_validate over a pipeline: for each fold, preprocessing is
 * fitted on the training rows alone and applied to both parts (the held-out rows never inform the
 * scaling), then `fitScore` trains and scores.
 */
export async function crossValidate<Y extends Rows>(x: DataArray, y: Y, options: CrossValidateOptions<Y>): Promise<CrossValidateResult> {
  const n = rowCount(x);
  if (rowCount(y) !== n) throw new DltsError(`crossValidate: x has ${n} rows, y has ${rowCount(y)}`);
  const cv = options.cv instanceof KFold ? options.cv : new KFold({ nSplits: options.cv ?? 5 });
  const folds = cv.split(n);
  const scores = new Float64Array(folds.length);
  for (let f = 0; f < folds.length; f++) {
    const indices = folds[f]!;
    let xTrain = takeRows(x, indices.train);
    let xTest = takeRows(x, indices.test);
    if (options.preprocess) {
      const step = options.preprocess().fit(xTrain);
      xTrain = step.transform(xTrain);
      xTest = step.transform(xTest);
    }
    scores[f] = await options.fitScore({ xTrain, yTrain: takeRows(y, indices.train), xTest, yTest: takeRows(y, indices.test), fold: f, indices });
  }
  return { scores, mean: numpyMean(scores) };
}
