import type { DType } from '../backend/contract.js';
import { DltsError, ShapeError, fmtShape } from '../errors.js';
import { tensor } from '../ops/creation.js';
import { sizeOf } from '../shape_util.js';
import { gather, slice } from '../ops/transform.js';
import { Tensor } from '../tensor.js';

/**
 * An array on the host, row-major, samples along the first axis (what Keras takes as a numpy
 * array). fit, evaluate and predict upload it one batch at a time, so a data set can be larger
 * than what a backend holds as one tensor (gpu.js indexes at most 2^24 elements) or in its memory.
 * Its dtype follows the array: Float32Array float32, Float64Array float64, Int32Array int32.
 */
export interface HostArray {
  readonly data: Float32Array | Float64Array | Int32Array;
  readonly shape: readonly number[];
}

/** What fit, evaluate and predict take as x and y: a tensor, or a host array uploaded by batches. */
export type Samples = Tensor | HostArray;

const HOST_DTYPES: readonly [new (n: number) => HostArray['data'], DType][] = [
  [Float32Array, 'float32'], [Float64Array, 'float64'], [Int32Array, 'int32'],
];

function hostDType(op: string, a: HostArray): DType {
  const found = HOST_DTYPES.find(([ctor]) => a.data instanceof ctor);
  if (!found) {
    const kind = (a.data as object)?.constructor?.name ?? typeof a.data;
    throw new DltsError(`${op}: a host array's data must be a Float32Array, Float64Array or Int32Array, got ${kind} (convert it, e.g. Float32Array.from(data))`);
  }
  return found[1];
}

/** Checks a host array once (its dtype and that its data fills its shape); tensors pass through. */
export function checkSamples(op: string, s: Samples): void {
  if (s instanceof Tensor) return;
  hostDType(op, s);
  if (s.shape.length === 0 || s.shape.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new ShapeError(`${op}: a host array's shape must list the samples first and be non-negative integers, got ${fmtShape(s.shape)}`);
  }
  const size = sizeOf(s.shape);
  if (size !== s.data.length) throw new ShapeError(`${op}: a host array of shape ${fmtShape(s.shape)} needs ${size} values, its data has ${s.data.length}`);
}

/** Values per sample (the product of every axis but the first). */
function rowSize(s: HostArray): number {
  return sizeOf(s.shape.slice(1));
}

/** Rows [start, start + size) as a tensor (for a tensor, a slice; for a host array, an upload of a view). */
export function sliceSamples(s: Samples, start: number, size: number): Tensor {
  if (s instanceof Tensor) return slice(s, [start, ...s.shape.slice(1).map(() => 0)], [size, ...s.shape.slice(1)]);
  const row = rowSize(s);
  return tensor(s.data.subarray(start * row, (start + size) * row), [size, ...s.shape.slice(1)], hostDType('sliceSamples', s));
}

/**
 * Rows [start, start + size) kept as they are: a host array stays on the host (a view), a tensor
 * becomes a new tensor (the caller disposes it).
 */
export function splitSamples(s: Samples, start: number, size: number): Samples {
  if (s instanceof Tensor) return sliceSamples(s, start, size);
  const row = rowSize(s);
  return { data: s.data.subarray(start * row, (start + size) * row), shape: [size, ...s.shape.slice(1)] };
}

/** The given rows of each array, as tensors: gathered on the device, or copied on the host and uploaded. */
export function takeSamples(arrays: readonly Samples[], rows: Int32Array): Tensor[] {
  let idx: Tensor | undefined;
  try {
    return arrays.map((s) => {
      if (s instanceof Tensor) {
        idx ??= tensor(rows, [rows.length], 'int32');
        return gather(s, idx, 0);
      }
      const row = rowSize(s);
      const n = s.shape[0]!;
      const dtype = hostDType('takeSamples', s);
      const bad = rows.find((r) => r < 0 || r >= n);
      if (bad !== undefined) throw new DltsError(`takeSamples: row ${bad} is out of range for ${n} samples`);
      const out = new (s.data.constructor as new (n: number) => HostArray['data'])(rows.length * row);
      for (let i = 0; i < rows.length; i++) out.set(s.data.subarray(rows[i]! * row, (rows[i]! + 1) * row), i * row);
      return tensor(out, [rows.length, ...s.shape.slice(1)], dtype);
    });
  } finally {
    idx?.dispose();
  }
}
