import { sizeOf } from '@dlts/core';
import { lit, splitIndex } from '../codegen.js';
import type { GpuRuntime } from '../runtime.js';
import type { GpujsStorage, T } from '../storage.js';
import { fill } from './fill.js';

/**
 * Unsorted segment sum, out[s, r] = sum of x[j, r] over j with segmentIds[j] == s. A fragment
 * shader cannot scatter, so each output element scans all ids: numSegments x inner x ids work.
 */
export function scatterAdd(rt: GpuRuntime, x: T, segmentIds: T, numSegments: number): GpujsStorage {
  const count = segmentIds.storage.length;
  const inner = sizeOf(x.shape.slice(segmentIds.shape.length));
  if (count === 0) return fill(rt, [numSegments, inner], 0, x.dtype);
  const split = splitIndex('i', [numSegments, inner], 'c');
  const [s, r] = split.coords as [string, string];
  return rt.run({
    op: 'scatterAdd',
    source: `function(x, ids) {\nconst i = this.thread.x;\n${split.code}let acc = 0;\n`
      + `for (let j = 0; j < ${lit(count)}; j++) {\nif (ids[j] == ${s}) { acc += x[j * ${lit(inner)} + ${r}]; }\n}\nreturn acc;\n}`,
    size: numSegments * inner,
    inputs: [x.storage, segmentIds.storage],
    loops: count,
  });
}
