import type { NDArray } from './ndarray.js';

/**
 * Central finite differences of L(xs) = sum(f(xs) * dy) with respect to every element of every
 * input, evaluated on the float64 reference. Error is O(h^2) from truncation plus O(eps/h) from
 * rounding; h = 1e-5 on O(1) inputs keeps both far below any tolerance used.
 */
export function numericGrads(
  f: (xs: NDArray[]) => NDArray, xs: readonly NDArray[], dy: NDArray, h = 1e-5,
): NDArray[] {
  const loss = (inputs: NDArray[]): number => {
    const y = f(inputs);
    if (y.data.length !== dy.data.length) {
      throw new Error(`numericGrads: dy has ${dy.data.length} values, f gives ${y.data.length}`);
    }
    let s = 0;
    for (let i = 0; i < y.data.length; i++) s += y.data[i]! * dy.data[i]!;
    return s;
  };
  return xs.map((x, which) => {
    const grad = new Float64Array(x.data.length);
    for (let i = 0; i < x.data.length; i++) {
      const at = (delta: number): number => {
        const data = x.data.slice();
        data[i]! += delta;
        return loss(xs.map((other, j) => (j === which ? { shape: x.shape, data } : other)));
      };
      grad[i] = (at(h) - at(-h)) / (2 * h);
    }
    return { shape: [...x.shape], data: grad };
  });
}
