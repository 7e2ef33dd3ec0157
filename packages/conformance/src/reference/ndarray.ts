/**
 * The reference's only data type: a shape and float64 values in row-major order. Everything in
 * src/reference is plain loops over these, written for obviousness rather than speed, so a
 * backend is compared against code that shares nothing with it.
 */
export interface NDArray {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function nd(shape: readonly number[], values: ArrayLike<number>): NDArray {
  if (values.length !== sizeOf(shape)) {
    throw new Error(`nd: ${values.length} values do not fill shape [${shape.join(',')}]`);
  }
  return { shape: [...shape], data: Float64Array.from(values) };
}

export function zerosND(shape: readonly number[]): NDArray {
  return { shape: [...shape], data: new Float64Array(sizeOf(shape)) };
}

/** Multi-index of flat position `flat` in `shape`. */
export function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = flat % shape[d]!;
    flat = Math.floor(flat / shape[d]!);
  }
  return idx;
}

/** Flat position of multi-index `idx` in `shape`. */
export function ravel(idx: readonly number[], shape: readonly number[]): number {
  let flat = 0;
  for (let d = 0; d < shape.length; d++) flat = flat * shape[d]! + idx[d]!;
  return flat;
}

export function mapND(x: NDArray, f: (v: number) => number): NDArray {
  return { shape: [...x.shape], data: x.data.map(f) };
}

export function reshapeND(x: NDArray, shape: readonly number[]): NDArray {
  if (sizeOf(shape) !== x.data.length) {
    throw new Error(`reshapeND: [${x.shape.join(',')}] does not fit [${shape.join(',')}]`);
  }
  return { shape: [...shape], data: x.data.slice() };
}

