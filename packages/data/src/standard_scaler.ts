import { DltsError, ShapeError } from '@dlts/core';
import { matrixDims, safeScale, sklearnColumnMoments } from './column_stats.js';
import { dataArray, type DataArray, type Storage } from './data_array.js';

/** What crossValidate needs from a preprocessing step: fit on training rows, then transform any rows. */
export interface Transformer {
  fit(x: DataArray): this;
  transform(x: DataArray): DataArray;
}

type FloatOut<T extends Storage> = T extends Float32Array ? Float32Array : Float64Array;

/**
 * scikit-learn's StandardScaler: per feature, subtract the mean and divide by the population
 * standard deviation (ddof 0), with sklearn's arithmetic (corrected two-pass variance; constant
 * features get scale 1). Float32 input stays float32 (rounded after each step, as numpy's in-place
 * ops do); everything else becomes float64.
 */
export class StandardScaler implements Transformer {
  mean: Float64Array | undefined;
  variance: Float64Array | undefined;
  scale: Float64Array | undefined;
  nSamplesSeen = 0;
  readonly withMean: boolean;
  readonly withStd: boolean;

  constructor(options: { withMean?: boolean; withStd?: boolean } = {}) {
    this.withMean = options.withMean ?? true;
    this.withStd = options.withStd ?? true;
  }

  fit(x: DataArray): this {
    const [n] = matrixDims('StandardScaler.fit', x);
    if (n === 0) throw new ShapeError('StandardScaler.fit: no samples (shape [0, ...])');
    const moments = sklearnColumnMoments(x);
    this.mean = moments.mean;
    this.variance = moments.variance;
    this.scale = safeScale(moments, n);
    this.nSamplesSeen = n;
    return this;
  }

  transform<T extends Storage>(x: DataArray<T>): DataArray<FloatOut<T>> {
    return this.apply('transform', x, false);
  }

  fitTransform<T extends Storage>(x: DataArray<T>): DataArray<FloatOut<T>> {
    return this.fit(x).transform(x);
  }

  inverseTransform<T extends Storage>(x: DataArray<T>): DataArray<FloatOut<T>> {
    return this.apply('inverseTransform', x, true);
  }

  private apply<T extends Storage>(op: string, x: DataArray<T>, inverse: boolean): DataArray<FloatOut<T>> {
    const { mean, scale } = this;
    if (!mean || !scale) throw new DltsError(`StandardScaler.${op}: call fit() first`);
    const [n, f] = matrixDims(`StandardScaler.${op}`, x);
    if (f !== mean.length) throw new ShapeError(`StandardScaler.${op}: x has ${f} features, the scaler was fitted on ${mean.length}`);
    const out = (x.data instanceof Float32Array ? new Float32Array(n * f) : new Float64Array(n * f)) as FloatOut<T>;
    const round = out instanceof Float32Array ? Math.fround : (v: number) => v;
    const src = x.data;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < f; j++) {
        let v = src[i * f + j]!;
        if (inverse) {
          if (this.withStd) v = round(v * scale[j]!);
          if (this.withMean) v = v + mean[j]!;
        } else {
          if (this.withMean) v = round(v - mean[j]!);
          if (this.withStd) v = v / scale[j]!;
        }
        out[i * f + j] = v;
      }
    }
    return dataArray(out, [n, f]);
  }
}
