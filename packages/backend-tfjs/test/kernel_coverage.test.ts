import * as dl from '@dlts/core';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { ADAPTER_KERNELS, createTfjsBackend, ENGINE_NAMES, FILLS, planKernels, type FillableKernel, type TfjsBackend } from '../src/index.js';
import { exerciseEveryKernel } from './exercise.js';

/** The tfjs kernels that run while every contract kernel is exercised on one engine. */
async function kernelsRun(engine: string): Promise<{ ran: Set<string>; backend: TfjsBackend }> {
  const name = `tfjs-coverage-${engine}`;
  dl.registerBackend(name, () => createTfjsBackend({ engine }));
  const backend = (await dl.setBackend(name)) as TfjsBackend;
  const profile = await tf.profile(() => exerciseEveryKernel());
  // tfjs also profiles its custom-gradient ops (tf.logSoftmax, tf.fused.matMul) as '<op>__op'
  // scopes; those are not kernels (the kernels they run are listed on their own).
  return { ran: new Set(profile.kernels.map((k) => k.name).filter((k) => !k.endsWith('__op'))), backend };
}

describe('the declared kernel list is what runs', () => {
  const ranOn = new Map<string, Set<string>>();

  for (const engine of ENGINE_NAMES) {
    it(`on ${engine}: every kernel that runs is declared (ADAPTER_KERNELS or a planned fill's list), and no filled kernel runs`, async () => {
      const { ran, backend } = await kernelsRun(engine);
      ranOn.set(engine, ran);
      const declared = new Set([...ADAPTER_KERNELS, ...[...backend.plan.fills].flatMap((k) => FILLS[k].uses)]);
      expect([...ran].filter((k) => !declared.has(k))).toEqual([]);
      expect([...backend.plan.fills].filter((k) => ran.has(k))).toEqual([]);
    });
  }

  it('every kernel in ADAPTER_KERNELS runs on some engine, unless every engine fills it (no stale entries)', () => {
    const union = new Set([...ranOn.values()].flatMap((s) => [...s]));
    const filledEverywhere = (k: string) => ENGINE_NAMES.every((e) => planKernels(e).fills.has(k as FillableKernel));
    expect(ADAPTER_KERNELS.filter((k) => !union.has(k) && !filledEverywhere(k))).toEqual([]);
    // They stay the kernels of record: an engine with a correct and fast one would use it.
    expect(ADAPTER_KERNELS.filter((k) => filledEverywhere(k))).toEqual(['Conv2DBackpropFilter', 'UnsortedSegmentSum']);
  });

  it("every kernel a fill lists runs when that fill does (the fills' lists have no stale entries)", () => {
    // On wasm all three fills run (the gaps and the MaxPoolGrad replacement).
    const ran = ranOn.get('wasm')!;
    for (const [kernel, fill] of Object.entries(FILLS)) {
      expect({ kernel, missing: fill.uses.filter((k) => !ran.has(k)) }).toEqual({ kernel, missing: [] });
    }
  });
});
