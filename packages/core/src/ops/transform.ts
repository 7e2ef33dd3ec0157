import { DTypeError, IndexError, ShapeError, fmtShape } from '../errors.js';
import { normalizeAxis } from '../shape_util.js';
import type { Tensor } from '../tensor.js';
import { runOp } from './run.js';

export function transpose(x: Tensor, perm?: readonly number[]): Tensor {
  const p = perm ?? x.shape.map((_, i) => x.rank - 1 - i);
  const seen = new Set(p);
  if (p.length !== x.rank || seen.size !== x.rank || p.some((a) => !Number.isInteger(a) || a < 0 || a >= x.rank)) {
    throw new ShapeError(`transpose: perm [${p.join(',')}] is not a permutation of the axes of ${fmtShape(x.shape)}`);
  }
  const inverse = new Array<number>(p.length);
  p.forEach((a, i) => (inverse[a] = i));
  return runOp('transpose', [x], (be, [v]) => be.transpose(v!, p), (dy) => [transpose(dy, inverse)]);
}

/** The block starting at `begin` of extent `size` (-1: to the end of that axis). */
export function slice(x: Tensor, begin: readonly number[], size?: readonly number[]): Tensor {
  if (begin.length !== x.rank || (size && size.length !== x.rank)) {
    throw new ShapeError(`slice: begin [${begin.join(',')}] and size [${size?.join(',') ?? ''}] must both have rank ${x.rank} for ${fmtShape(x.shape)}`);
  }
  const s = x.shape.map((d, i) => {
    const want = size?.[i] ?? -1;
    return want === -1 ? d - begin[i]! : want;
  });
  x.shape.forEach((d, i) => {
    const b = begin[i]!;
    if (!Number.isInteger(b) || b < 0 || !Number.isInteger(s[i]) || s[i]! < 0 || b + s[i]! > d) {
      throw new ShapeError(`slice: begin [${begin.join(',')}] size [${s.join(',')}] is outside ${fmtShape(x.shape)}`);
    }
  });
  return runOp('slice', [x], (be, [v]) => be.slice(v!, begin, s), (dy) => [
    pad(dy, x.shape.map((d, i) => [begin[i]!, d - begin[i]! - s[i]!] as [number, number])),
  ]);
}

export function concat(xs: readonly Tensor[], axis = 0): Tensor {
  if (xs.length === 0) throw new ShapeError('concat: needs at least one tensor');
  const first = xs[0]!;
  const a = normalizeAxis('concat', axis, first.rank);
  for (const t of xs) {
    if (t.dtype !== first.dtype) throw new DTypeError(`concat: dtypes ${first.dtype} and ${t.dtype} differ`);
    if (t.rank !== first.rank || t.shape.some((d, i) => i !== a && d !== first.shape[i])) {
      throw new ShapeError(`concat: shapes ${fmtShape(first.shape)} and ${fmtShape(t.shape)} differ outside axis ${a}`);
    }
  }
  return runOp('concat', xs, (be, views) => be.concat(views, a), (dy) => {
    let offset = 0;
    return xs.map((t) => {
      const begin = t.shape.map((_, i) => (i === a ? offset : 0));
      offset += t.shape[a]!;
      return slice(dy, begin, t.shape);
    });
  });
}

/** Pads with `value`; paddings[d] = [before, after] for every axis. */
export function pad(x: Tensor, paddings: readonly (readonly [number, number])[], value = 0): Tensor {
  if (paddings.length !== x.rank || paddings.some(([b, e]) => !Number.isInteger(b) || !Number.isInteger(e) || b < 0 || e < 0)) {
    throw new ShapeError(`pad: paddings ${JSON.stringify(paddings)} must give [before, after] >= 0 for each of the ${x.rank} axes of ${fmtShape(x.shape)}`);
  }
  return runOp('pad', [x], (be, [v]) => be.pad(v!, paddings, value), (dy) => [
    slice(dy, paddings.map(([b]) => b), x.shape),
  ]);
}

/**
 * Slices of x along `axis` picked by int32 `indices`: shape x[:axis] + indices.shape + x[axis+1:].
 * Indices are range-checked here (a read of the indices), so no backend sees a bad one.
 */
export function gather(x: Tensor, indices: Tensor, axis = 0): Tensor {
  if (indices.dtype !== 'int32') throw new DTypeError(`gather: indices must be int32, got ${indices.dtype}`);
  const a = normalizeAxis('gather', axis, x.rank);
  const n = x.shape[a]!;
  const idx = indices.dataSync();
  for (let i = 0; i < idx.length; i++) {
    const v = idx[i]!;
    if (v < 0 || v >= n) {
      throw new IndexError(`gather: index ${v} (at position ${i}) is out of range for axis ${a} of size ${n} in ${fmtShape(x.shape)}`);
    }
  }
  return runOp('gather', [x, indices], (be, [v, i]) => be.gather(v!, i!, a), (dy) => {
    // Move the gathered dims to the front, segment-sum them into axis a's slots, move back.
    const ir = indices.rank;
    const front = Array.from({ length: ir }, (_, i) => a + i);
    const rest = Array.from({ length: dy.rank }, (_, i) => i).filter((i) => i < a || i >= a + ir);
    const summed = scatterAdd(transpose(dy, [...front, ...rest]), indices, n);
    const back = Array.from({ length: x.rank }, (_, i) => (i < a ? i + 1 : i === a ? 0 : i));
    return [transpose(summed, back), null];
  });
}

/**
 * Unsorted segment sum: out[segmentIds[i...], ...] += x[i..., ...]; out has shape
 * [numSegments, ...x.shape.slice(segmentIds.rank)]. Gather's gradient.
 */
export function scatterAdd(x: Tensor, segmentIds: Tensor, numSegments: number): Tensor {
  if (segmentIds.dtype !== 'int32') throw new DTypeError(`scatterAdd: segmentIds must be int32, got ${segmentIds.dtype}`);
  const lead = x.shape.slice(0, segmentIds.rank);
  if (lead.length !== segmentIds.rank || lead.some((d, i) => d !== segmentIds.shape[i])) {
    throw new ShapeError(`scatterAdd: segmentIds ${fmtShape(segmentIds.shape)} must be a prefix of x's shape ${fmtShape(x.shape)}`);
  }
  if (!Number.isInteger(numSegments) || numSegments < 0) throw new ShapeError(`scatterAdd: numSegments ${numSegments} must be a non-negative integer`);
  const ids = segmentIds.dataSync();
  for (let i = 0; i < ids.length; i++) {
    const v = ids[i]!;
    if (v < 0 || v >= numSegments) throw new IndexError(`scatterAdd: segment id ${v} (at position ${i}) is out of range [0, ${numSegments})`);
  }
  return runOp('scatterAdd', [x, segmentIds], (be, [v, s]) => be.scatterAdd(v!, s!, numSegments), (dy) => [
    gather(dy, segmentIds, 0),
    null,
  ]);
}
