import type { BinaryKernel } from '../backend/contract.js';
import { engine } from '../engine.js';
import { DTypeError } from '../errors.js';
import { broadcastShapes } from '../shape_util.js';
import { Tensor } from '../tensor.js';
import { sumToShape } from './broadcast_grad.js';
import { greater, greaterEqual as ge } from './compare.js';
import { runOp, scalarOn } from './run.js';
import { log, neg, square } from './unary.js';
import { where } from './select.js';
import { onesLike, zerosLike } from './creation.js';

export type Operand = Tensor | number;

/** Numbers become scalars of the other operand's dtype on its backend; both numbers: float32. */
export function binaryOp(
  op: BinaryKernel,
  a: Operand,
  b: Operand,
  grad?: (dy: Tensor, ta: Tensor, tb: Tensor, out: Tensor) => [Tensor | null, Tensor | null],
): Tensor {
  const temps: Tensor[] = [];
  const like = a instanceof Tensor ? a : b instanceof Tensor ? b : undefined;
  const toTensor = (v: Operand): Tensor => {
    if (v instanceof Tensor) return v;
    if (!like) throw new DTypeError(`${op}: at least one operand must be a tensor`);
    const t = scalarOn(like.backendName, v, like.dtype);
    temps.push(t);
    return t;
  };
  const ta = toTensor(a);
  const tb = toTensor(b);
  if (ta.dtype !== tb.dtype) throw new DTypeError(`${op}: dtypes ${ta.dtype} and ${tb.dtype} differ; cast one first`);
  const outShape = broadcastShapes(op, ta.shape, tb.shape);
  const out = runOp(
    op,
    [ta, tb],
    (be, [x, y]) => be.binary(op, x!, y!, outShape),
    grad && ((dy, y) => {
      const [ga, gb] = grad(dy, ta, tb, y);
      return [ga && sumToShape(ga, ta.shape), gb && sumToShape(gb, tb.shape)];
    }),
  );
  // Scalars made here die with the op unless the tape holds them for backward (grads() frees them).
  if (!engine.recording) for (const t of temps) t.dispose();
  return out;
}

export const add = (a: Operand, b: Operand): Tensor => binaryOp('add', a, b, (dy) => [dy, dy]);
export const sub = (a: Operand, b: Operand): Tensor => binaryOp('sub', a, b, (dy) => [dy, neg(dy)]);
export const mul = (a: Operand, b: Operand): Tensor => binaryOp('mul', a, b, (dy, x, y) => [mul(dy, y), mul(dy, x)]);
export const div = (a: Operand, b: Operand): Tensor =>
  binaryOp('div', a, b, (dy, x, y) => [div(dy, y), neg(div(mul(dy, x), square(y)))]);

/** a^b; the gradient for b is taken where a > 0 (0 elsewhere, where log a is undefined). */
export const pow = (a: Operand, b: Operand): Tensor =>
  binaryOp('pow', a, b, (dy, x, y, out) => {
    const da = mul(dy, mul(y, pow(x, sub(y, 1))));
    const positive = greater(x, 0);
    const safeLog = log(where(positive, x, onesLike(x)));
    const db = where(positive, mul(dy, mul(out, safeLog)), zerosLike(out));
    return [da, db];
  });

/** Ties send the gradient to a (as TensorFlow does). */
export const maximum = (a: Operand, b: Operand): Tensor =>
  binaryOp('maximum', a, b, (dy, x, y) => {
    const aWins = ge(x, y);
    return [mul(dy, aWins), mul(dy, sub(1, aWins))];
  });

export const minimum = (a: Operand, b: Operand): Tensor =>
  binaryOp('minimum', a, b, (dy, x, y) => {
    const aWins = ge(y, x);
    return [mul(dy, aWins), mul(dy, sub(1, aWins))];
  });
