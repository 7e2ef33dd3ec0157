import type { DType } from '../backend/contract.js';
import { DTypeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { equal } from './compare.js';
import { tensor } from './creation.js';
import { composed } from './run.js';
import { cast } from './select.js';
import { expandDims } from './shape.js';

/** int32 indices [...] -> [..., depth] with 1 at each index (0 everywhere for an index outside [0, depth)). */
export function oneHot(indices: Tensor, depth: number, dtype: DType = 'float32'): Tensor {
  if (indices.dtype !== 'int32') throw new DTypeError(`oneHot: indices must be int32, got ${indices.dtype}`);
  return composed(() => {
    const classes = tensor(Int32Array.from({ length: depth }, (_, i) => i));
    const hit = equal(expandDims(indices, -1), classes);
    return dtype === 'int32' ? hit : cast(hit, dtype);
  });
}
