import * as tf from '@tensorflow/tfjs-core';
import type { BinaryKernel, DType, UnaryKernel } from '@dlts/core';

const UNARY: Record<UnaryKernel, (x: tf.Tensor) => tf.Tensor> = {
  neg: tf.neg, abs: tf.abs, sign: tf.sign, exp: tf.exp, log: tf.log, sqrt: tf.sqrt, square: tf.square,
  reciprocal: tf.reciprocal, tanh: tf.tanh, sigmoid: tf.sigmoid, relu: tf.relu, step: (x) => tf.step(x, 0),
};

/** The contract keeps the input's dtype; tfjs returns float32 from some ops on int32 (exp, log, ...). */
export function unary(op: UnaryKernel, x: tf.Tensor): tf.Tensor {
  const y = UNARY[op](x);
  return y.dtype === x.dtype ? y : tf.cast(y, x.dtype);
}

const ARITHMETIC = {
  add: tf.add, sub: tf.sub, mul: tf.mul, pow: tf.pow, maximum: tf.maximum, minimum: tf.minimum,
} as const;

const COMPARISON = {
  equal: tf.equal, notEqual: tf.notEqual, less: tf.less, lessEqual: tf.lessEqual,
  greater: tf.greater, greaterEqual: tf.greaterEqual,
} as const;

/** Elementwise binary op; tfjs broadcasts numpy-style, as the contract does. */
export function binary(op: BinaryKernel, a: tf.Tensor, b: tf.Tensor, dtype: DType): tf.Tensor {
  if (op === 'div') return dtype === 'int32' ? floorDivInt(a, b) : tf.div(a, b);
  if (op in COMPARISON) {
    // tfjs comparisons return bool; the contract returns 0/1 in the inputs' dtype.
    return tf.cast(COMPARISON[op as keyof typeof COMPARISON](a, b), dtype as 'float32' | 'int32');
  }
  return ARITHMETIC[op as keyof typeof ARITHMETIC](a, b);
}

/**
 * int32 floor division. x // 0 is 0 (as numpy and dlts's cpu backend give); tfjs-backend-wasm
 * stores INT32_MIN there (pinned in test/tfjs_quirks.test.ts).
 */
function floorDivInt(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const q = tf.floorDiv(a, b);
  return tf.where(tf.equal(b, tf.scalar(0, 'int32')), tf.zerosLike(q), q);
}

/** cond != 0 ? a : b with all three broadcast (tf.where broadcasts; it wants a bool condition). */
export function where(cond: tf.Tensor, a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  return tf.where(tf.notEqual(cond, tf.scalar(0, cond.dtype)), a, b);
}

/**
 * Clamps to [min, max]. tfjs-backend-wasm's ClipByValue reads int32 data as float32 (pinned in
 * test/tfjs_quirks.test.ts), so int32 is clamped with Maximum and Minimum.
 */
export function clip(x: tf.Tensor, min: number, max: number): tf.Tensor {
  if (x.dtype !== 'int32') return tf.clipByValue(x, min, max);
  return tf.minimum(tf.maximum(x, tf.scalar(min, 'int32')), tf.scalar(max, 'int32'));
}
