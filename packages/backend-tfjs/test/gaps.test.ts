import { readFileSync } from 'node:fs';
import { BackendError } from '@dlts/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADAPTER_KERNELS, ENGINE_NAMES, FILLS, findGaps, planKernels, REPLACED } from '../src/index.js';
import { startEngine, type EngineName } from '../src/engine.js';

/**
 * The kernels each engine of tfjs 4.22.0 lacks, checked in by hand. A tfjs upgrade that adds or
 * drops one of them fails here, so the README's gap list and this one get revisited.
 */
const EXPECTED_GAPS: Record<EngineName, string[]> = {
  wasm: ['Conv2DBackpropFilter', 'UnsortedSegmentSum'],
  cpu: [],
};

describe('kernel gaps', () => {
  beforeAll(async () => {
    for (const engine of ENGINE_NAMES) await startEngine(engine);
  });

  for (const engine of ENGINE_NAMES) {
    it(`finds exactly the kernels tfjs-backend-${engine} lacks`, () => {
      expect(findGaps(engine)).toEqual(EXPECTED_GAPS[engine]);
    });
  }

  it('plans a fill for every gap and every replaced kernel, and nothing else', () => {
    expect([...planKernels('wasm').fills].sort()).toEqual(['Conv2DBackpropFilter', 'MaxPoolGrad', 'UnsortedSegmentSum']);
    expect([...planKernels('cpu').fills].sort()).toEqual(['Conv2DBackpropFilter', 'UnsortedSegmentSum']);
    for (const engine of ENGINE_NAMES) {
      // A replaced kernel is one the engine has (else it would be a gap).
      for (const k of Object.keys(REPLACED[engine])) expect(findGaps(engine)).not.toContain(k);
    }
  });

  it('every fill is composed of kernels both engines have (none is itself a gap)', () => {
    for (const [kernel, fill] of Object.entries(FILLS)) {
      expect(fill.uses).not.toContain(kernel);
      const uses: readonly string[] = fill.uses;
      for (const engine of ENGINE_NAMES) expect(findGaps(engine).filter((k) => uses.includes(k))).toEqual([]);
    }
  });

  it('an engine lacking a kernel that has no fill fails at planning, naming the kernels', () => {
    // An engine tfjs has no kernels for lacks them all; Softmax, for one, has no fill.
    const nowhere = 'no-such-engine' as EngineName;
    expect(findGaps(nowhere)).toEqual(ADAPTER_KERNELS);
    expect(() => planKernels(nowhere)).toThrow(BackendError);
    expect(() => planKernels(nowhere)).toThrow(/engine 'no-such-engine' lacks kernel\(s\) .*Softmax.*which the adapter cannot compose/);
  });

  it('the README lists each gap and each replaced kernel with its fill', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const gapSection = readme.slice(readme.indexOf('## Kernel gaps'));
    for (const engine of ENGINE_NAMES) {
      for (const k of [...EXPECTED_GAPS[engine], ...Object.keys(REPLACED[engine])]) expect(gapSection).toContain(`\`${k}\``);
    }
  });
});
