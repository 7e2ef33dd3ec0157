import { sizeOf } from '@dlts/core';
import { splitIndex } from '../codegen.js';
import type { GpuRuntime } from '../runtime.js';
import type { GpujsStorage, T } from '../storage.js';

/** Index of the first maximum along `axis` (a strictly greater value replaces the best). */
export function argmax(rt: GpuRuntime, x: T, axis: number): GpujsStorage {
  const outer = sizeOf(x.shape.slice(0, axis));
  const n = x.shape[axis]!;
  const inner = sizeOf(x.shape.slice(axis + 1));
  const split = splitIndex('i', [outer, inner], 'c');
  const [o, r] = split.coords;
  return rt.run({
    op: 'argmax',
    source: `function(x) {\nconst i = this.thread.x;\n${split.code}const base = ${o} * ${n * inner} + ${r};\n`
      + `let best = x[base];\nlet at = 0;\n`
      + `for (let k = 1; k < ${n}; k++) {\nconst v = x[base + k * ${inner}];\nif (v > best) { best = v; at = k; }\n}\nreturn at;\n}`,
    size: outer * inner,
    inputs: [x.storage],
    loops: n,
  });
}
