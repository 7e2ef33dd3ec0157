import { matrixDims, numpyColumnMoments } from './column_stats.js';
import { readContent } from './content.js';
import { dataArray, type DataArray } from './data_array.js';
import type { DataOptions } from './data_options.js';
import { DataFormatError } from './errors.js';
import { locateFile } from './locate.js';
import { fileSpec } from './manifest.js';
import { parseNumberTable } from './number_table.js';

/** A whitespace-separated table, as numpy.loadtxt reads sklearn's diabetes files. */
async function readTable(file: string, options: DataOptions): Promise<DataArray<Float64Array>> {
  const { path } = await locateFile('sklearn', file, options);
  const text = (await readContent(path, fileSpec('sklearn', file))).toString('utf8');
  return parseNumberTable(text, path, /\s+/);
}

export const DIABETES_FEATURES = Object.freeze(['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6']);

export interface Diabetes {
  /** [442, 10] */
  readonly data: DataArray<Float64Array>;
  /** [442]: disease progression one year after baseline. */
  readonly target: DataArray<Float64Array>;
  readonly featureNames: readonly string[];
}

/**
 * sklearn's `preprocessing.scale` then `/ sqrt(n)`, as load_diabetes(scaled=True) does since 1.2:
 * numpy's mean and population std per column, so each column ends with sum of squares 1.
 */
function sklearnScaleDiabetes(x: DataArray<Float64Array>): DataArray<Float64Array> {
  const [n, f] = matrixDims('loadDiabetes', x);
  const { mean, variance } = numpyColumnMoments(x);
  // sklearn's _handle_zeros_in_scale: a (near) zero std becomes 1.
  const std = variance.map((v) => (Math.sqrt(v) < 10 * 2 ** -52 ? 1 : Math.sqrt(v)));
  const root = Math.sqrt(n);
  const out = new Float64Array(n * f);
  for (let i = 0; i < n; i++) for (let j = 0; j < f; j++) out[i * f + j] = (x.data[i * f + j]! - mean[j]!) / std[j]! / root;
  return dataArray(out, [n, f]);
}

/**
 * The diabetes table (Efron et al. 2004; the file scikit-learn ships, bundled with this package).
 * `scaled: true` (default) centres each column and scales it to unit sum of squares from the raw
 * file, as sklearn >= 1.2 does; `false` gives the raw values; `'legacy'` gives the pre-scaled table
 * of sklearn <= 1.1, from which the book's printed Ch03 numbers were computed.
 */
export async function loadDiabetes(options: DataOptions & { scaled?: boolean | 'legacy' } = {}): Promise<Diabetes> {
  const scaled = options.scaled ?? true;
  if (scaled !== true && scaled !== false && scaled !== 'legacy') {
    throw new DataFormatError(`loadDiabetes: scaled must be true, false or 'legacy', got ${JSON.stringify(scaled)}`);
  }
  const raw = await readTable(scaled === 'legacy' ? 'diabetes_data_scaled_legacy.csv.gz' : 'diabetes_data_raw.csv.gz', options);
  const target = await readTable('diabetes_target.csv.gz', options);
  const data = scaled === true ? sklearnScaleDiabetes(raw) : raw;
  return { data, target: dataArray(target.data, [target.shape[0]!]), featureNames: DIABETES_FEATURES };
}

const BREAST_CANCER_MEASURES = [
  'radius', 'texture', 'perimeter', 'area', 'smoothness', 'compactness', 'concavity', 'concave points', 'symmetry', 'fractal dimension',
];

/** sklearn's names: the ten measures' mean, then their standard error, then their worst value. */
export const BREAST_CANCER_FEATURES = Object.freeze([
  ...BREAST_CANCER_MEASURES.map((m) => `mean ${m}`),
  ...BREAST_CANCER_MEASURES.map((m) => `${m} error`),
  ...BREAST_CANCER_MEASURES.map((m) => `worst ${m}`),
]);

export interface BreastCancer {
  /** [569, 30] */
  readonly data: DataArray<Float64Array>;
  /** [569]: 0 = malignant, 1 = benign. */
  readonly target: DataArray<Int32Array>;
  readonly featureNames: readonly string[];
  readonly targetNames: readonly string[];
}

/**
 * Wisconsin Diagnostic Breast Cancer (UCI, CC BY 4.0; the file scikit-learn ships, bundled with this
 * package), as sklearn's load_breast_cancer() returns it. The file's first line is
 * `569,30,malignant,benign`: rows, features and the class names.
 */
export async function loadBreastCancer(options: DataOptions = {}): Promise<BreastCancer> {
  const file = 'breast_cancer.csv';
  const { path } = await locateFile('sklearn', file, options);
  const text = (await readContent(path, fileSpec('sklearn', file))).toString('utf8');
  const header = text.slice(0, text.indexOf('\n')).trim().split(',');
  const [rows, features] = [Number(header[0]), Number(header[1])];
  const table = parseNumberTable(text, path, ',', 1);
  if (table.shape[0] !== rows || table.shape[1] !== features + 1) {
    throw new DataFormatError(`${path}: header says ${rows} x ${features} (+ target), the table is [${table.shape}]`);
  }
  const data = new Float64Array(rows * features);
  const target = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    data.set(table.data.subarray(i * (features + 1), i * (features + 1) + features), i * features);
    target[i] = table.data[i * (features + 1) + features]!;
  }
  return { data: dataArray(data, [rows, features]), target: dataArray(target, [rows]), featureNames: BREAST_CANCER_FEATURES, targetNames: header.slice(2) };
}
