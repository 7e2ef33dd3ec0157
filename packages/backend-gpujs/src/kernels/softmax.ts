import { lit, splitIndex } from '../codegen.js';
import type { GpuRuntime } from '../runtime.js';
import type { GpujsStorage, T } from '../storage.js';

/**
 * Row statistics along the last axis: element 2r is row r's maximum, 2r + 1 its sum of
 * exp(x - max). One kernel, so each row is scanned by two fragments instead of by every one.
 */
function rowStats(rt: GpuRuntime, x: T, op: string): GpujsStorage {
  const n = x.shape[x.shape.length - 1]!;
  const rows = x.storage.length / n;
  const split = splitIndex('i', [rows, 2], 'c');
  const [r, which] = split.coords as [string, string];
  return rt.run({
    op,
    source: `function(x) {\nconst i = this.thread.x;\n${split.code}const base = ${r} * ${lit(n)};\n`
      + `let m = x[base];\nfor (let j = 1; j < ${lit(n)}; j++) { m = Math.max(m, x[base + j]); }\n`
      + `if (${which} == 0) { return m; }\n`
      + `let s = 0;\nfor (let j = 0; j < ${lit(n)}; j++) { s += Math.exp(x[base + j] - m); }\nreturn s;\n}`,
    size: rows * 2,
    inputs: [x.storage],
    loops: 2 * n,
  });
}

/**
 * softmax = exp(x - max) / sum and logSoftmax = (x - max) - log(sum): the max is subtracted
 * first, so logits of ±1000 stay finite and x - max is exact for close values.
 */
function normalise(rt: GpuRuntime, x: T, log: boolean): GpujsStorage {
  const op = log ? 'logSoftmax' : 'softmax';
  const n = x.shape[x.shape.length - 1]!;
  const stats = rowStats(rt, x, op);
  try {
    const split = splitIndex('i', [x.storage.length / n, n], 'c');
    const [r] = split.coords as [string];
    const result = log ? '(x[i] - m) - Math.log(s)' : 'Math.exp(x[i] - m) / s';
    return rt.run({
      op,
      source: `function(x, st) {\nconst i = this.thread.x;\n${split.code}const m = st[${r} * 2];\nconst s = st[${r} * 2 + 1];\nreturn ${result};\n}`,
      size: x.storage.length,
      inputs: [x.storage, stats],
    });
  } finally {
    rt.release(stats);
  }
}

export function softmax(rt: GpuRuntime, x: T): GpujsStorage {
  return normalise(rt, x, false);
}

export function logSoftmax(rt: GpuRuntime, x: T): GpujsStorage {
  return normalise(rt, x, true);
}
