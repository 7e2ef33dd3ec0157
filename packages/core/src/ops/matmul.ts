import { isFloatDType, type KernelTensor } from '../backend/contract.js';
import { engine } from '../engine.js';
import { DTypeError, ShapeError, fmtShape } from '../errors.js';
import { sizeOf } from '../shape_util.js';
import type { Tensor } from '../tensor.js';
import { sumToShape } from './broadcast_grad.js';
import { runOp } from './run.js';
import { reshape } from './shape.js';

/**
 * Matrix product of the last two axes. Rank 2 x rank 2, or batched: leading (batch) axes
 * flattened, and equal between a and b or one of them a single matrix (which broadcasts).
 */
export function matMul(a: Tensor, b: Tensor, transposeA = false, transposeB = false): Tensor {
  if (a.dtype !== b.dtype) throw new DTypeError(`matMul: dtypes ${a.dtype} and ${b.dtype} differ`);
  if (!isFloatDType(a.dtype)) throw new DTypeError(`matMul: needs float tensors, got ${a.dtype}`);
  if (a.rank < 2 || b.rank < 2) {
    throw new ShapeError(`matMul: needs rank >= 2 operands, got ${fmtShape(a.shape)} and ${fmtShape(b.shape)}`);
  }
  const [ar, ac] = a.shape.slice(-2) as [number, number];
  const [br, bc] = b.shape.slice(-2) as [number, number];
  const [m, k] = transposeA ? [ac, ar] : [ar, ac];
  const [k2, n] = transposeB ? [bc, br] : [br, bc];
  const batchA = a.shape.slice(0, -2);
  const batchB = b.shape.slice(0, -2);
  const nA = sizeOf(batchA);
  const nB = sizeOf(batchB);
  const detail = `${fmtShape(a.shape)}${transposeA ? 'ᵀ' : ''} and ${fmtShape(b.shape)}${transposeB ? 'ᵀ' : ''}`;
  if (k !== k2) throw new ShapeError(`matMul: inner dimensions ${k} and ${k2} of ${detail} differ`);
  const sameBatch = batchA.length === batchB.length && batchA.every((d, i) => d === batchB[i]);
  if (!sameBatch && nA !== 1 && nB !== 1) throw new ShapeError(`matMul: batch dimensions of ${detail} differ`);
  const batchShape = nA >= nB && batchA.length >= batchB.length ? batchA : batchB.length > 0 ? batchB : batchA;
  const outShape = [...batchShape, m, n];
  if (!engine.recording) {
    // No tape: hand the backend rank-3 views of the storage directly (no intermediate tensors).
    const as3 = (v: KernelTensor, shape: number[]): KernelTensor => ({ storage: v.storage, shape, dtype: v.dtype });
    return runOp('matMul', [a, b], (be, [x, y]) => {
      const kt = be.matmul(as3(x!, [nA, ar, ac]), as3(y!, [nB, br, bc]), transposeA, transposeB);
      return { storage: kt.storage, shape: outShape, dtype: kt.dtype };
    });
  }
  const a3 = reshape(a, [nA, ar, ac]);
  const b3 = reshape(b, [nB, br, bc]);
  const out3 = runOp('matMul', [a3, b3], (be, [x, y]) => be.matmul(x!, y!, transposeA, transposeB), (dy, _out, needs) => {
    const [da, db] = matMulGrads(dy, a3, b3, transposeA, transposeB, needs);
    return [da && sumToShape(da, a3.shape), db && sumToShape(db, b3.shape)];
  });
  return reshape(out3, outShape);
}

/** Gradients of C = op(A) op(B) for each combination of transposes, each only where needed. */
function matMulGrads(dC: Tensor, A: Tensor, B: Tensor, tA: boolean, tB: boolean, needs: readonly boolean[]): [Tensor | null, Tensor | null] {
  const dA = (): Tensor => {
    if (!tA) return matMul(dC, B, false, !tB);
    return tB ? matMul(B, dC, true, true) : matMul(B, dC, false, true);
  };
  const dB = (): Tensor => {
    if (!tB) return matMul(A, dC, !tA, false);
    return tA ? matMul(dC, A, true, true) : matMul(dC, A, true, false);
  };
  return [needs[0] ? dA() : null, needs[1] ? dB() : null];
}
