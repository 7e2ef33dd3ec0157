import type { FusedActivation } from '@dlts/core';
import { lit, offset, splitIndex } from '../codegen.js';
import type { GpuRuntime } from '../runtime.js';
import type { GpujsStorage, T } from '../storage.js';
import { activation } from './activations.js';

interface Epilogue {
  readonly bias: T | null;
  readonly act: FusedActivation;
}

/**
 * Batched matmul on rank-3 operands: each output element is one dot product over k, read with
 * the transposes as strides (no transposed copy). With an epilogue it is fusedMatmul:
 * activation(a @ b + bias) in the same kernel.
 */
function matmulKernel(rt: GpuRuntime, a: T, b: T, tA: boolean, tB: boolean, epi: Epilogue | null): GpujsStorage {
  const [batchA, a1, a2] = a.shape as [number, number, number];
  const [batchB, b1, b2] = b.shape as [number, number, number];
  const m = tA ? a2 : a1;
  const k = tA ? a1 : a2;
  const n = tB ? b1 : b2;
  const batch = Math.max(batchA, batchB);
  const split = splitIndex('i', [batch, m, n], 'c');
  const [bi, r, c] = split.coords as [string, string, string];
  const aBase = offset([bi, r], [batchA === 1 ? 0 : m * k, tA ? 1 : k]);
  const bBase = offset([bi, c], [batchB === 1 ? 0 : k * n, tB ? k : 1]);
  const aStep = tA ? m : 1;
  const bStep = tB ? 1 : n;
  // An empty inner dimension (k = 0) sums nothing: a and b are empty and not read.
  const operands = k === 0 ? [] : ['a', 'b'];
  const inputs = k === 0 ? [] : [a.storage, b.storage];
  if (epi?.bias) {
    operands.push('bias');
    inputs.push(epi.bias.storage);
  }
  const dot = k === 0 ? '' : `const ab = ${aBase};\nconst bb = ${bBase};\n`
    + `for (let p = 0; p < ${lit(k)}; p++) {\nacc += a[ab + p * ${lit(aStep)}] * b[bb + p * ${lit(bStep)}];\n}\n`;
  const epilogue = epi ? `const z = ${epi.bias ? `acc + bias[${c}]` : 'acc'};\nreturn ${activation(epi.act, 'z')};` : 'return acc;';
  return rt.run({
    op: epi ? 'fusedMatmul' : 'matmul',
    source: `function(${operands.join(', ')}) {\nconst i = this.thread.x;\n${split.code}let acc = 0;\n${dot}${epilogue}\n}`,
    size: batch * m * n,
    inputs,
    loops: k,
  });
}

export function matmul(rt: GpuRuntime, a: T, b: T, transposeA: boolean, transposeB: boolean): GpujsStorage {
  return matmulKernel(rt, a, b, transposeA, transposeB, null);
}

/** activation(a @ b + bias) for rank-2 a and b (core's dense). */
export function fusedMatmul(
  rt: GpuRuntime, a: T, b: T, bias: T | null, transposeA: boolean, transposeB: boolean, act: FusedActivation,
): GpujsStorage {
  const as3 = (t: T): T => ({ storage: t.storage, shape: [1, ...t.shape], dtype: t.dtype });
  return matmulKernel(rt, as3(a), as3(b), transposeA, transposeB, { bias, act });
}
