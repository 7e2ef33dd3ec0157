import type { UnaryKernel } from '@dlts/core';
import type { GpuRuntime } from '../runtime.js';
import type { GpujsStorage, T } from '../storage.js';
import { relu, sigmoid, tanh } from './activations.js';

function expression(op: UnaryKernel, v: string): string {
  switch (op) {
    case 'neg': return `-${v}`;
    case 'abs': return `Math.abs(${v})`;
    case 'sign': return `Math.sign(${v})`;
    case 'exp': return `Math.exp(${v})`;
    case 'log': return `Math.log(${v})`;
    case 'sqrt': return `Math.sqrt(${v})`;
    case 'square': return `${v} * ${v}`;
    case 'reciprocal': return `1 / ${v}`;
    case 'tanh': return tanh(v);
    case 'sigmoid': return sigmoid(v);
    case 'relu': return relu(v);
    case 'step': return `(${v} > 0 ? 1 : 0)`;
    default: {
      const unknown: never = op;
      throw new Error(`gpujs unary: unknown op ${String(unknown)}`);
    }
  }
}

/** Ops whose int32 results need truncating toward zero (as an Int32Array store does). */
const FRACTIONAL = new Set<UnaryKernel>(['exp', 'log', 'sqrt', 'reciprocal', 'tanh', 'sigmoid']);

export function unary(rt: GpuRuntime, op: UnaryKernel, x: T): GpujsStorage {
  const e = expression(op, 'v');
  const body = x.dtype === 'int32' && FRACTIONAL.has(op) ? `Math.trunc(${e})` : e;
  return rt.run({
    op,
    source: `function(x) {\nconst v = x[this.thread.x];\nreturn ${body};\n}`,
    size: x.storage.length,
    inputs: [x.storage],
  });
}
