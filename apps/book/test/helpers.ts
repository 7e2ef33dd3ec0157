import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import 'dlts';
import { APPS, runExperiment, type RunRecord } from '../src/index.js';

/** Expected values from numpy / scikit-learn 1.2.1 (test/fixtures/make_fixtures.py), never from this package. */
export const ORACLE = JSON.parse(readFileSync(new URL('./fixtures/oracle.json', import.meta.url), 'utf8'));

/** Runs one experiment on cpu float64 without charts and checks it left no tensor behind. */
export async function runOnCpu(id: string, dtype: 'float64' | 'float32' = 'float64'): Promise<RunRecord> {
  const exp = APPS.all.find((e) => e.id === id);
  if (!exp) throw new Error(`no experiment '${id}'`);
  const record = await runExperiment(exp, 'cpu', dtype);
  expect(record.error).toBeUndefined();
  expect(record.leakedTensors).toBe(0);
  return record;
}

/** |actual - expected| <= rel * |expected|, elementwise. */
export function expectClose(actual: readonly number[] | number, expected: readonly number[] | number, rel: number): void {
  const a = typeof actual === 'number' ? [actual] : actual;
  const e = typeof expected === 'number' ? [expected] : expected;
  expect(a.length).toBe(e.length);
  a.forEach((v, i) => {
    const want = e[i]!;
    if (!(Math.abs(v - want) <= rel * Math.abs(want))) {
      throw new Error(`element ${i}: ${v} is not within ${rel} relative of ${want}`);
    }
  });
}
