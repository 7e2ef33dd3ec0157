import { DltsError } from '@dlts/core';
import { dataArray, isDataArray, type DataArray, type Storage } from './data_array.js';

/**
 * Keras's to_categorical: integer class ids of any shape -> float32 one-hot with a trailing axis of
 * numClasses (default: largest id + 1). A trailing axis of size 1 is dropped first, as Keras does.
 */
export function toCategorical(labels: DataArray<Storage> | ArrayLike<number>, numClasses?: number): DataArray<Float32Array> {
  const data = isDataArray(labels) ? labels.data : labels;
  let shape = isDataArray(labels) ? [...labels.shape] : [labels.length];
  if (shape.length > 1 && shape[shape.length - 1] === 1) shape = shape.slice(0, -1);
  let max = -1;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (!Number.isInteger(v) || v < 0) throw new DltsError(`toCategorical: label ${v} at index ${i} is not a non-negative integer`);
    if (v > max) max = v;
  }
  const classes = numClasses ?? max + 1;
  if (!Number.isInteger(classes) || classes < 1) throw new DltsError(`toCategorical: numClasses must be a positive integer, got ${classes}`);
  if (max >= classes) throw new DltsError(`toCategorical: label ${max} does not fit numClasses=${classes}`);
  return dataArray(oneHotInto(data, classes, new Float32Array(data.length * classes)), [...shape, classes]);
}

/** Writes the one-hot rows of `ids` into `out` (zeroed, ids.length * classes long); ids are assumed checked. */
export function oneHotInto(ids: ArrayLike<number>, classes: number, out: Float32Array): Float32Array {
  for (let i = 0; i < ids.length; i++) out[i * classes + ids[i]!] = 1;
  return out;
}
