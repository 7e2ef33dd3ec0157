import { data } from 'dlts';

export interface Standardizer {
  readonly mean: Float64Array;
  readonly std: Float64Array;
}

/** Ch05's hand-written standardisation statistics: `np.mean(x, axis=0)` and `np.std(x, axis=0)`. */
export function fitStandardizer(x: data.DataArray<Float64Array>): Standardizer {
  const { mean, variance } = data.numpyColumnMoments(x);
  return { mean, std: variance.map(Math.sqrt) };
}

/** `(x - mean) / std`, elementwise in float64 as numpy does. */
export function standardize(x: data.DataArray<Float64Array>, s: Standardizer): data.DataArray<Float64Array> {
  const f = s.mean.length;
  const out = new Float64Array(x.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (x.data[i]! - s.mean[i % f]!) / s.std[i % f]!;
  return data.dataArray(out, x.shape);
}
