import { zipBroadcast } from './broadcast.js';
import { type NDArray, mapND } from './ndarray.js';

/** The contract's unary kernels as textbook formulas on one number. */
export const UNARY_REFERENCE = {
  neg: (x: number) => -x,
  abs: (x: number) => Math.abs(x),
  sign: (x: number) => (x > 0 ? 1 : x < 0 ? -1 : 0),
  exp: (x: number) => Math.exp(x),
  log: (x: number) => Math.log(x),
  sqrt: (x: number) => Math.sqrt(x),
  square: (x: number) => x * x,
  reciprocal: (x: number) => 1 / x,
  tanh: (x: number) => Math.tanh(x),
  sigmoid: (x: number) => 1 / (1 + Math.exp(-x)),
  relu: (x: number) => (x > 0 ? x : 0),
  step: (x: number) => (x > 0 ? 1 : 0),
} as const;

export type UnaryName = keyof typeof UNARY_REFERENCE;

const bool = (c: boolean): number => (c ? 1 : 0);

/** The contract's binary kernels for float dtypes. */
export const BINARY_REFERENCE = {
  add: (a: number, b: number) => a + b,
  sub: (a: number, b: number) => a - b,
  mul: (a: number, b: number) => a * b,
  div: (a: number, b: number) => a / b,
  pow: (a: number, b: number) => Math.pow(a, b),
  maximum: (a: number, b: number) => Math.max(a, b),
  minimum: (a: number, b: number) => Math.min(a, b),
  equal: (a: number, b: number) => bool(a === b),
  notEqual: (a: number, b: number) => bool(a !== b),
  less: (a: number, b: number) => bool(a < b),
  lessEqual: (a: number, b: number) => bool(a <= b),
  greater: (a: number, b: number) => bool(a > b),
  greaterEqual: (a: number, b: number) => bool(a >= b),
} as const;

export type BinaryName = keyof typeof BINARY_REFERENCE;

export function unary(op: UnaryName, x: NDArray): NDArray {
  return mapND(x, UNARY_REFERENCE[op]);
}

/** numpy-broadcast binary op; int32 `div` floors (numpy `//`), float `div` is true division. */
export function binary(op: BinaryName, a: NDArray, b: NDArray, int32 = false): NDArray {
  const f = int32 && op === 'div' ? (x: number, y: number) => Math.floor(x / y) : BINARY_REFERENCE[op];
  return zipBroadcast([a, b], f);
}

export function where(cond: NDArray, a: NDArray, b: NDArray): NDArray {
  return zipBroadcast([cond, a, b], (c, x, y) => (c !== 0 ? x : y));
}

export function clip(x: NDArray, min: number, max: number): NDArray {
  return mapND(x, (v) => Math.min(Math.max(v, min), max));
}

/** float -> int32 truncates toward zero (numpy astype). */
export function castToInt32(x: NDArray): NDArray {
  return mapND(x, Math.trunc);
}
