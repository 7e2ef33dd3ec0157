import type { BinaryKernel } from '@dlts/core';
import { sizeOf } from '@dlts/core';
import { broadcastStrides, operandIndices } from '../codegen.js';
import type { GpuRuntime } from '../runtime.js';
import type { GpujsStorage, T } from '../storage.js';

/** Statements returning op(p, q); int32 ops differ only in division (floor) and pow (rounded). */
function body(op: BinaryKernel, isInt: boolean): string {
  switch (op) {
    case 'add': return 'return p + q;';
    case 'sub': return 'return p - q;';
    case 'mul': return 'return p * q;';
    case 'div':
      if (!isInt) return 'return p / q;';
      // Floor division, corrected by the remainder's sign (GPU division may be an ulp off);
      // x // 0 is 0, as the cpu backend stores it.
      return [
        'if (q == 0) { return 0; }',
        'let d = Math.floor(p / q);',
        'const r = p - d * q;',
        'if (q > 0) { if (r < 0) { d = d - 1; } if (r >= q) { d = d + 1; } }',
        'if (q < 0) { if (r > 0) { d = d - 1; } if (r <= q) { d = d + 1; } }',
        'return d;',
      ].join('\n');
    case 'pow':
      // GLSL's pow is undefined for a negative base and for 0 ** q with q <= 0: sign and zero
      // are handled here; a negative base with a fractional exponent gives NaN (sqrt of < 0).
      return [
        'if (q == 0) { return 1; }',
        'const m = Math.abs(p);',
        'if (m == 0) { return q > 0 ? 0 : 1 / m; }',
        `let r = Math.pow(m, q);`,
        'if (p < 0) {',
        '  if (Math.floor(q) != q) { return Math.sqrt(-m); }',
        '  const h = q * 0.5;',
        '  if (Math.floor(h) != h) { r = -r; }',
        '}',
        // int32: exact integers for q >= 0 (exp2/log2 may land an ulp below), truncation for q < 0.
        isInt ? 'return q > 0 ? Math.floor(r + 0.5) : Math.trunc(r);' : 'return r;',
      ].join('\n');
    case 'maximum': return 'return Math.max(p, q);';
    case 'minimum': return 'return Math.min(p, q);';
    case 'equal': return 'return p == q ? 1 : 0;';
    case 'notEqual': return 'return p != q ? 1 : 0;';
    case 'less': return 'return p < q ? 1 : 0;';
    case 'lessEqual': return 'return p <= q ? 1 : 0;';
    case 'greater': return 'return p > q ? 1 : 0;';
    case 'greaterEqual': return 'return p >= q ? 1 : 0;';
    default: {
      const unknown: never = op;
      throw new Error(`gpujs binary: unknown op ${String(unknown)}`);
    }
  }
}

/** Elementwise binary op with numpy broadcasting to `outShape`; the result has a's dtype. */
export function binary(rt: GpuRuntime, op: BinaryKernel, a: T, b: T, outShape: readonly number[]): GpujsStorage {
  const { code, indices } = operandIndices(outShape, [broadcastStrides(a.shape, outShape), broadcastStrides(b.shape, outShape)], 'c');
  return rt.run({
    op,
    source: `function(a, b) {\nconst i = this.thread.x;\n${code}const p = a[${indices[0]}];\nconst q = b[${indices[1]}];\n${body(op, a.dtype === 'int32')}\n}`,
    size: sizeOf(outShape),
    inputs: [a.storage, b.storage],
  });
}
