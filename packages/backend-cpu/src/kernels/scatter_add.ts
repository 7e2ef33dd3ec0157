import { sizeOf } from '@dlts/core';
import type { KernelTensor, TypedArray } from '@dlts/core';
import { fromFloat64, makeTensor } from './alloc.js';

/**
 * Unsorted segment sum: out [numSegments, ...x.shape.slice(segmentIds.rank)], zero-initialised,
 * out[segmentIds[i...]] += x[i..., :]. Ids outside [0, numSegments) are dropped (as TensorFlow's
 * unsorted_segment_sum does). Sums accumulate in float64.
 */
export function scatterAdd(
  x: KernelTensor<TypedArray>, segmentIds: KernelTensor<TypedArray>, numSegments: number,
): KernelTensor<TypedArray> {
  const rest = x.shape.slice(segmentIds.shape.length);
  const inner = sizeOf(rest);
  const acc = new Float64Array(numSegments * inner);
  const ids = segmentIds.storage;
  const X = x.storage;
  for (let i = 0; i < ids.length; i++) {
    const seg = ids[i];
    if (seg < 0 || seg >= numSegments) continue;
    for (let j = 0, s = i * inner, d = seg * inner; j < inner; j++) acc[d + j] += X[s + j];
  }
  return makeTensor(fromFloat64(acc, x.dtype), [numSegments, ...rest], x.dtype);
}
