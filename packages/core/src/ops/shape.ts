import { engine } from '../engine.js';
import { ShapeError, fmtShape } from '../errors.js';
import { normalizeAxes, sizeOf } from '../shape_util.js';
import type { Tensor } from '../tensor.js';

/** Same data, new shape (one dimension may be -1). Metadata only: no copy. */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  x.assertLive('reshape');
  const out = [...shape];
  const unknown = out.indexOf(-1);
  if (out.some((d, i) => !Number.isInteger(d) || d < -1 || (d === -1 && i !== unknown))) {
    throw new ShapeError(`reshape: invalid target shape ${fmtShape(shape)} (only one -1 allowed)`);
  }
  if (unknown >= 0) {
    const known = sizeOf(out.filter((_, i) => i !== unknown));
    if (known === 0 || x.size % known !== 0) {
      throw new ShapeError(`reshape: cannot reshape ${fmtShape(x.shape)} (${x.size} elements) to ${fmtShape(shape)}`);
    }
    out[unknown] = x.size / known;
  }
  if (sizeOf(out) !== x.size) {
    throw new ShapeError(`reshape: cannot reshape ${fmtShape(x.shape)} (${x.size} elements) to ${fmtShape(shape)}`);
  }
  const y = engine.makeView(x, out);
  if (engine.recording) {
    engine.record({ name: 'reshape', inputs: [x], output: y, backward: (dy) => [reshape(dy, x.shape)] });
  }
  return y;
}

/**
 * reshape for an op's internal result: the returned view replaces `t`, which is released unless a
 * recording tape still needs it (grads() frees it then).
 */
export function reshapeOwned(t: Tensor, shape: readonly number[]): Tensor {
  const out = reshape(t, shape);
  if (!engine.recording) t.dispose();
  return out;
}

/** Inserts a dimension of size 1 at `axis` (negative counts from the end of the new shape). */
export function expandDims(x: Tensor, axis = 0): Tensor {
  const rank = x.rank + 1;
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new ShapeError(`expandDims: axis ${axis} is out of range for a result of rank ${rank}`);
  }
  const a = axis < 0 ? axis + rank : axis;
  const shape = [...x.shape];
  shape.splice(a, 0, 1);
  return reshape(x, shape);
}

/** Removes the given size-1 axes (all of them by default). */
export function squeeze(x: Tensor, axes?: number | readonly number[]): Tensor {
  const drop = axes === undefined ? x.shape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0) : normalizeAxes('squeeze', axes, x.rank);
  for (const a of drop) {
    if (x.shape[a] !== 1) throw new ShapeError(`squeeze: axis ${a} of ${fmtShape(x.shape)} has size ${x.shape[a]}, not 1`);
  }
  return reshape(x, x.shape.filter((_, i) => !drop.includes(i)));
}

/** [batch, ...] -> [batch, product of the rest]. */
export function flatten(x: Tensor): Tensor {
  if (x.rank < 1) throw new ShapeError(`flatten: needs rank >= 1, got a scalar`);
  return reshape(x, [x.shape[0]!, sizeOf(x.shape.slice(1))]);
}
