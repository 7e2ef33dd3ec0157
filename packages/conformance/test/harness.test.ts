import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoverageMatrix, formatSummary, writeResults } from '../src/coverage_matrix.js';
import { ALL_KERNELS } from '../src/kernels.js';
import { seedOf, Inputs } from '../src/random_inputs.js';
import { expectClose, expectExact } from '../src/compare.js';
import { nd } from '../src/reference/ndarray.js';

describe('kernel list', () => {
  it('names the 50 contract kernels once each', () => {
    expect(new Set(ALL_KERNELS).size).toBe(ALL_KERNELS.length);
    expect(ALL_KERNELS.length).toBe(12 + 13 + 3 + 22);
    for (const k of ['relu', 'greaterEqual', 'sum', 'conv2dBackpropFilter', 'avgPoolBackward', 'fusedMatmul', 'scatterAdd']) {
      expect(ALL_KERNELS).toContain(k);
    }
  });
});

describe('coverage matrix', () => {
  it('a kernel without tests fails, an excluded one is excluded, a leak after a pass counts once as a failure', () => {
    const m = new CoverageMatrix('test', ['float32', 'int32'], { conv2d: 'not yet' });
    m.declare('add');
    m.declare('add');
    m.pass('add');
    m.fail('add', 'add: b', new Error('boom'));
    m.fail('add', 'add: b', new Error('leak'), false);
    m.declare('neg');
    m.pass('neg');
    m.fail('neg', 'neg: a', new Error('leak'), true);
    m.declare('exp');
    const r = m.results();
    expect(r.kernels.add).toEqual({ status: 'fail', reason: '1 of 2 tests failed', tests: 2, failed: 1 });
    expect(r.kernels.neg).toMatchObject({ status: 'fail', tests: 1, failed: 1 });
    expect(r.kernels.exp).toMatchObject({ status: 'fail', reason: '1 of 1 tests did not run' });
    expect(r.kernels.conv2d).toEqual({ status: 'excluded', reason: 'not yet', tests: 0, failed: 0 });
    expect(r.kernels.matmul).toMatchObject({ status: 'fail', reason: 'no tests declared' });
    expect(r.float64).toBe('n/a (backend has no float64)');
    expect(r.totals.tests).toEqual({ declared: 4, passed: 1, failed: 2, notRun: 1 });
    expect(r.failures.find((f) => f.test === 'add: b')?.error).toBe('Error: boom; Error: leak');
    const summary = formatSummary(r);
    expect(summary).toContain('excluded: conv2d (not yet)');
    expect(summary).toContain('FAIL add: b');
    expect(summary.split('\n').length).toBeLessThan(40);
  });
  it('writes the results through a temporary file and a rename', () => {
    const dir = mkdtempSync(join(tmpdir(), 'conformance-'));
    const path = join(dir, 'sub', 'x.json');
    const r = new CoverageMatrix('x', ['float32'], {}).results();
    writeResults(path, r);
    expect(JSON.parse(readFileSync(path, 'utf8')).backend).toBe('x');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['x.json']);
    expect(existsSync(`${path}.${process.pid}.tmp`)).toBe(false);
  });
});

describe('comparisons and inputs', () => {
  it('tolerance is relative for large values and absolute near zero', () => {
    const read = (v: number[]) => ({ shape: [v.length], dtype: 'float64' as const, data: v });
    expect(() => expectClose('x', read([1000.009]), nd([1], [1000]), 1e-5)).not.toThrow();
    expect(() => expectClose('x', read([1000.02]), nd([1], [1000]), 1e-5)).toThrow(/1 of 1 values differ/);
    expect(() => expectClose('x', read([NaN]), nd([1], [0]), 1)).toThrow();
    expect(() => expectClose('x', read([1]), nd([2], [1, 1]), 1)).toThrow(/shape/);
    expect(() => expectExact('x', read([0.1]), nd([1], [Math.fround(0.1)]))).toThrow();
  });
  it('inputs are reproducible per title, float32-representable, and distinct() has no near ties', () => {
    expect(seedOf('a')).not.toBe(seedOf('b'));
    const a = new Inputs(seedOf('t')).uniform([5]);
    const b = new Inputs(seedOf('t')).uniform([5]);
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    expect(Array.from(a.data).every((v) => Math.fround(v) === v)).toBe(true);
    const vals = Array.from(new Inputs(1).distinct([40], 0.05).data).sort((p, q) => p - q);
    for (let i = 1; i < vals.length; i++) expect(vals[i]! - vals[i - 1]!).toBeGreaterThan(0.049);
    const big = new Inputs(3).ints([100], -(2 ** 31), 2 ** 31 - 1);
    expect(Array.from(big.data).some((v) => Math.abs(v) > 2 ** 24)).toBe(true);
    expect(Array.from(big.data).every((v) => Number.isInteger(v))).toBe(true);
  });
});
