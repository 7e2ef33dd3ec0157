import { data } from 'dlts';
import type { Table } from '../book/table.js';

export interface DiabetesBmi {
  /** diabetes.data[:, 2] (body mass index) from sklearn's legacy scaled table. */
  readonly x: Float64Array;
  readonly y: Float64Array;
}

let diabetes: Promise<DiabetesBmi> | undefined;

/** Ch03's data: x = the BMI column of the legacy scaled diabetes table, y = the target. */
export function diabetesBmi(): Promise<DiabetesBmi> {
  diabetes ??= (async () => {
    const d = await data.loadDiabetes({ scaled: 'legacy' });
    const [n, f] = d.data.shape as [number, number];
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = d.data.data[i * f + 2]!;
    return { x, y: d.target.data };
  })();
  return diabetes;
}

export interface CancerSplits {
  /** 455 rows: `train_test_split(stratify=y, test_size=0.2, random_state=42)`'s training part. */
  readonly trainAll: Table;
  /** 114 rows. */
  readonly test: Table;
  /** 364 rows: trainAll split again the same way (Ch05 onward). */
  readonly train: Table;
  /** 91 rows. */
  readonly val: Table;
}

function toTable(x: data.DataArray, y: data.DataArray): Table {
  return { x: x as data.DataArray<Float64Array>, y: Float64Array.from(y.data) };
}

let cancer: Promise<CancerSplits> | undefined;

/** The breast-cancer splits of Ch04-Ch06, exactly as sklearn draws them. */
export function cancerSplits(): Promise<CancerSplits> {
  cancer ??= (async () => {
    const bc = await data.loadBreastCancer();
    const outer = data.trainTestSplit({ x: bc.data, y: bc.target }, { stratify: bc.target.data, testSize: 0.2, seed: 42 });
    const inner = data.trainTestSplit(outer.train, { stratify: outer.train.y.data, testSize: 0.2, seed: 42 });
    return {
      trainAll: toTable(outer.train.x, outer.train.y),
      test: toTable(outer.test.x, outer.test.y),
      train: toTable(inner.train.x, inner.train.y),
      val: toTable(inner.test.x, inner.test.y),
    };
  })();
  return cancer;
}
