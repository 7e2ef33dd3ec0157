import { describe, expect, it } from 'vitest';
import { loadBackend, registerBackend, registeredBackends } from 'dlts';
import { APPS, compare, comparisonTable, jsonReport, meetsBar, planBackends, selectExperiments, skippedRecord, type Experiment } from '../src/index.js';
import { parseCli } from '../src/cli/args.js';

const exact: Experiment = {
  id: 'test.exact', chapter: 0, title: '', metric: 'val_accuracy', book: { kind: 'exact', value: 0.5 }, tolerance: { abs: 0.1 }, run: () => ({ value: 0, history: { loss: [] } }),
};
const band: Experiment = { ...exact, id: 'test.band', book: { kind: 'band', low: 0.8, high: 0.9 } };
const weights: Experiment = { ...exact, id: 'test.w', book: { kind: 'exact', value: 100, relTol: 1e-9 }, tolerance: { rel: 1e-5 } };

describe('compare', () => {
  it('grades exact rows', () => {
    expect(compare(exact, 0.5, false)).toEqual({ match: 'exact', difference: 0 });
    expect(compare(exact, 0.55, false).match).toBe('within tolerance');
    expect(compare(exact, 0.7, false).match).toBe('outside tolerance');
    expect(compare(weights, 100 * (1 + 1e-10), false).match).toBe('exact');
    expect(compare(weights, 100 * (1 + 1e-6), false).match).toBe('within tolerance');
    expect(compare(weights, 100 * (1 + 1e-4), false).match).toBe('outside tolerance');
  });

  it('grades band rows and skips comparisons when --epochs changed the run', () => {
    expect(compare(band, 0.85, false)).toEqual({ match: 'in band', difference: 0 });
    expect(compare(band, 0.95, false).match).toBe('above band');
    expect(compare(band, 0.7, false).match).toBe('below band');
    expect(compare(band, 0.7, false).difference).toBeCloseTo(-0.1, 12);
    expect(compare(exact, 0.1, true).match).toBe('not compared');
  });

  it('holds cpu float64 to exactness and other runs to the tolerance', () => {
    expect(meetsBar('within tolerance', 'cpu', 'float64')).toBe(false);
    expect(meetsBar('within tolerance', 'cpu', 'float32')).toBe(true);
    expect(meetsBar('within tolerance', 'wasm', 'float64')).toBe(true);
    expect(meetsBar('below band', 'cpu', 'float32')).toBe(false);
  });
});

describe('selectExperiments', () => {
  it('takes ids and prefixes', () => {
    expect(selectExperiments('mlp', 'ch06.minibatch').map((e) => e.id)).toEqual(['ch06.minibatch32', 'ch06.minibatch128']);
    expect(selectExperiments('regression', 'ch03.neuron,ch04.logistic').map((e) => e.id)).toEqual(['ch03.neuron', 'ch04.logistic_neuron']);
    expect(selectExperiments('regression')).toHaveLength(APPS.regression.length);
  });

  it('names the ids when a pattern matches nothing', () => {
    expect(() => selectExperiments('regression', 'ch06')).toThrow(/no experiment of 'regression' matches 'ch06'; its ids are: ch03.neuron, ch04.logistic_neuron/);
  });

  it('has the ids the issue lists', () => {
    const ids = APPS.all.map((e) => e.id);
    for (const id of ['ch03.neuron', 'ch04.logistic_neuron', 'ch04.single_layer', 'ch05.unscaled', 'ch05.scaled', 'ch05.val_unscaled', 'ch05.layer4',
      'ch05.l1', 'ch05.l2', 'ch05.kfold', 'ch06.single_layer', 'ch06.dual_layer', 'ch06.random_init', 'ch06.minibatch32', 'ch06.minibatch128',
      'ch07.multiclass', 'ch07.keras_dense']) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('parseCli', () => {
  it('reads the options', () => {
    expect(parseCli(['mlp', '--backend', 'all', '--dtype', 'float32', '--experiment', 'ch06', '--epochs', '3', '--json', '--no-plots'])).toMatchObject({
      command: 'mlp', backend: 'all', dtype: 'float32', experiment: 'ch06', epochs: 3, json: true, plots: false,
    });
    expect(parseCli(['regression'])).toMatchObject({ command: 'regression', dtype: 'float64', json: false, plots: true });
  });

  it('rejects what it cannot run, saying why', () => {
    expect(() => parseCli(['regression', '--dtype', 'int32'])).toThrow("--dtype must be float32 or float64, got 'int32'");
    expect(() => parseCli(['regression', '--epochs', '0'])).toThrow("--epochs must be a positive integer, got '0'");
    expect(() => parseCli(['cnn'])).toThrow(/expected one command \(regression, mlp, all, list or compare\), got 'cnn'/);
    expect(() => parseCli(['compare', 'one.json'])).toThrow(/compare takes two --json report files, got 1/);
    expect(() => parseCli([])).toThrow(/got none/);
    expect(() => parseCli(['mlp', '--bakend', 'cpu'])).toThrow(/bakend/);
  });
});

describe('planBackends', () => {
  it('runs on every registered backend for all, and reports the ones it cannot use', async () => {
    registerBackend('test-broken', () => {
      throw new Error('no device here');
    });
    registerBackend('test-f32', async () => Object.create(await loadBackend('cpu'), { name: { value: 'test-f32' }, dtypes: { value: ['float32', 'int32'] } }));
    const plans = await planBackends('all', 'float64');
    expect(plans.map((p) => p.name)).toEqual(registeredBackends());
    expect(plans.find((p) => p.name === 'cpu')).toEqual({ name: 'cpu' });
    expect(plans.find((p) => p.name === 'test-broken')!.skip).toMatch(/^unavailable: .*no device here/);
    expect(plans.find((p) => p.name === 'test-f32')!.skip).toBe('no float64 (supports float32, int32)');
    expect((await planBackends('all', 'float32')).find((p) => p.name === 'test-f32')).toEqual({ name: 'test-f32' });
  });

  it('refuses a named backend that cannot run, naming the registered ones', async () => {
    await expect(planBackends('nope', 'float32')).rejects.toThrow(/unknown backend 'nope'; registered backends: cpu/);
    await expect(planBackends('test-f32', 'float64')).rejects.toThrow("backend 'test-f32' has no float64 (it supports float32, int32); pass --dtype float32");
  });
});

describe('reports', () => {
  const records = [skippedRecord(exact, 'wasm', 'float64', 'no float64 (supports float32, int32)')];

  it('prints one comparison row per experiment and backend', () => {
    const table = comparisonTable(records).split('\n');
    expect(table[0]).toMatch(/^\| experiment +\| backend +\| dtype +\| metric +\| value +\| book +\| difference +\| match +\| seconds +\|$/);
    expect(table[2]).toMatch(/test\.exact.*wasm.*float64.*skipped: no float64/);
  });

  it("writes the issue's JSON schema", () => {
    const doc = JSON.parse(jsonReport(records));
    expect(Object.keys(doc)).toEqual(['experiments']);
    expect(doc.experiments[0]).toMatchObject({ id: 'test.exact', chapter: 0, backend: 'wasm', dtype: 'float64', metric: 'val_accuracy', value: null, book: 0.5, seconds: null, history: { loss: [] } });
  });
});
