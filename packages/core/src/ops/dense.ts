import { isFloatDType, type FusedActivation } from '../backend/contract.js';
import { findBackend } from '../backend/registry.js';
import { engine } from '../engine.js';
import { DTypeError, ShapeError, fmtShape } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { add } from './binary.js';
import { matMul } from './matmul.js';
import { composed, runOp } from './run.js';
import { relu, sigmoid, tanh } from './unary.js';

function activate(x: Tensor, activation: FusedActivation): Tensor {
  switch (activation) {
    case 'linear': return x;
    case 'relu': return relu(x);
    case 'sigmoid': return sigmoid(x);
    case 'tanh': return tanh(x);
  }
}

/**
 * activation(x @ w + bias) for x [m, k], w [k, n], bias [n]. Uses the backend's fused kernel
 * when it has one and no gradient is being recorded; otherwise composes matMul, add and the
 * activation (whose gradients are defined).
 */
export function dense(x: Tensor, w: Tensor, bias?: Tensor | null, activation: FusedActivation = 'linear'): Tensor {
  if (x.rank !== 2 || w.rank !== 2 || x.shape[1] !== w.shape[0]) {
    throw new ShapeError(`dense: needs x [m, k] and w [k, n], got ${fmtShape(x.shape)} and ${fmtShape(w.shape)}`);
  }
  if (bias && (bias.rank !== 1 || bias.shape[0] !== w.shape[1])) {
    throw new ShapeError(`dense: bias ${fmtShape(bias.shape)} must be [${w.shape[1]}] for w ${fmtShape(w.shape)}`);
  }
  for (const t of bias ? [w, bias] : [w]) {
    if (t.dtype !== x.dtype) throw new DTypeError(`dense: dtypes ${x.dtype} and ${t.dtype} differ`);
  }
  if (!isFloatDType(x.dtype)) throw new DTypeError(`dense: needs float tensors, got ${x.dtype}`);
  const backend = findBackend(x.backendName);
  if (backend.fusedMatmul && !engine.recording) {
    const inputs = bias ? [x, w, bias] : [x, w];
    return runOp('dense', inputs, (be, [a, b, c]) => be.fusedMatmul!(a!, b!, c ?? null, false, false, activation));
  }
  return composed(() => activate(bias ? add(matMul(x, w), bias) : matMul(x, w), activation));
}
