import type { DType, Tensor } from '@dlts/core';
import type { NDArray } from './reference/ndarray.js';

/** What a test read back from a backend tensor. */
export interface Readout {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly data: ArrayLike<number>;
}

export function readout(t: Tensor): Readout {
  return { shape: [...t.shape], dtype: t.dtype, data: t.dataSync() };
}

function fmt(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}

function checkShape(what: string, got: Readout, want: NDArray, dtype?: DType): void {
  if (fmt(got.shape) !== fmt(want.shape)) throw new Error(`${what}: shape ${fmt(got.shape)}, want ${fmt(want.shape)}`);
  if (dtype !== undefined && got.dtype !== dtype) throw new Error(`${what}: dtype ${got.dtype}, want ${dtype}`);
  if (got.data.length !== want.data.length) {
    throw new Error(`${what}: ${got.data.length} values for shape ${fmt(got.shape)}`);
  }
}

function report(what: string, bad: string[], total: number): void {
  if (bad.length > 0) {
    throw new Error(`${what}: ${bad.length} of ${total} values differ; first: ${bad.slice(0, 5).join('; ')}`);
  }
}

/**
 * |got - want| <= tol * (1 + |want|) elementwise (relative for large values, absolute near zero).
 * Equal values pass (so matching infinities do); NaN never does.
 */
export function expectClose(what: string, got: Readout, want: NDArray, tol: number, dtype?: DType): void {
  checkShape(what, got, want, dtype);
  const bad: string[] = [];
  for (let i = 0; i < want.data.length; i++) {
    const g = got.data[i]!;
    const w = want.data[i]!;
    if (g === w) continue;
    if (!(Math.abs(g - w) <= tol * (1 + Math.abs(w)))) bad.push(`[${i}] got ${g}, want ${w}`);
  }
  report(`${what} (tol ${tol.toExponential(1)})`, bad, want.data.length);
}

/** Bit-exact values: int32 results, comparisons, data movement, the book's integer examples. */
export function expectExact(what: string, got: Readout, want: NDArray, dtype?: DType): void {
  checkShape(what, got, want, dtype);
  const bad: string[] = [];
  for (let i = 0; i < want.data.length; i++) {
    if (!Object.is(got.data[i]! + 0, want.data[i]! + 0)) bad.push(`[${i}] got ${got.data[i]}, want ${want.data[i]}`);
  }
  report(what, bad, want.data.length);
}
