import { data, DltsError, type DType } from 'dlts';
import type { Table } from '../book/table.js';
import { cancerSplits } from '../regression/data.js';

export interface Ch06Splits {
  /** 364 rows, standardised by sklearn's StandardScaler fitted on them. */
  readonly train: Table;
  /** 91 rows, transformed by the same scaler. */
  readonly val: Table;
}

let ch06: Promise<Ch06Splits> | undefined;

/** Ch06's data: the Ch05 split scaled with sklearn's StandardScaler (fit on the training rows). */
export function ch06Splits(): Promise<Ch06Splits> {
  ch06 ??= (async () => {
    const s = await cancerSplits();
    const scaler = new data.StandardScaler().fit(s.train.x);
    return {
      train: { x: scaler.transform(s.train.x), y: s.train.y },
      val: { x: scaler.transform(s.val.x), y: s.val.y },
    };
  })();
  return ch06;
}

export interface FashionSplits {
  /** [48000, 784], pixel / 255 in the run's dtype. */
  readonly xTrain: data.DataArray<Float32Array | Float64Array>;
  readonly yTrain: Uint8Array;
  /** [12000, 784] */
  readonly xVal: data.DataArray<Float32Array | Float64Array>;
  readonly yVal: Uint8Array;
}

const fashion = new Map<DType, Promise<FashionSplits>>();

/**
 * Ch07's data: Fashion-MNIST's 60,000 training images split stratified 0.2 with seed 42
 * (48,000 / 12,000), pixels / 255, flattened to 784. Loaded once per dtype.
 */
export function fashionSplits(dtype: DType): Promise<FashionSplits> {
  if (dtype !== 'float32' && dtype !== 'float64') throw new DltsError(`fashionSplits: dtype must be float32 or float64, got ${dtype}`);
  let p = fashion.get(dtype);
  if (!p) {
    p = (async () => {
      const fm = await data.loadFashionMnist({ dtype });
      const x = data.reshape(fm.xTrain, [-1, 784]);
      const split = data.trainTestSplit({ x, y: fm.yTrain }, { stratify: fm.yTrain.data, testSize: 0.2, seed: 42 });
      return { xTrain: split.train.x, yTrain: split.train.y.data, xVal: split.test.x, yVal: split.test.y.data };
    })();
    fashion.set(dtype, p);
  }
  return p;
}
