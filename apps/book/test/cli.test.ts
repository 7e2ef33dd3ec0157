import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

function cli(...args: string[]) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the package first (pnpm --filter @dlts/book build)`);
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

describe('dlts-book', () => {
  it('prints the JSON report the issue specifies', () => {
    const run = cli('regression', '--experiment', 'ch03', '--json', '--no-plots', '--backend', 'cpu');
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.experiments).toHaveLength(1);
    const [r] = doc.experiments;
    for (const key of ['id', 'chapter', 'backend', 'dtype', 'metric', 'value', 'book', 'seconds', 'history']) expect(r).toHaveProperty(key);
    expect(r).toMatchObject({ id: 'ch03.neuron', chapter: 3, backend: 'cpu', dtype: 'float64', metric: 'w', value: 913.5973364345905, match: 'exact' });
    expect(run.stderr).toMatch(/ch03\.neuron on cpu float64: 913\.5973364345905 \(exact, [\d.]+ s\)/);
  });

  it('prints the table with --epochs results marked as not compared', () => {
    const run = cli('regression', '--experiment', 'ch04.logistic', '--epochs', '1', '--no-plots', '--backend', 'cpu');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\| ch04\.logistic_neuron \| cpu +\| float64 \| test_accuracy .*\| not compared \|/);
  });

  it('exits with 2 and a reason on bad input', () => {
    const run = cli('regression', '--experiment', 'ch09');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/dlts-book: no experiment of 'regression' matches 'ch09'/);
  });

  it('lists the experiments', () => {
    const run = cli('list');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(25);
  });

  it('compare: two same-seed runs agree bit for bit; a changed loss or a missing record is reported', () => {
    const runs = [1, 2].map(() => cli('regression', '--experiment', 'ch04.single', '--epochs', '3', '--json', '--no-plots', '--backend', 'cpu'));
    expect(runs.map((r) => r.status)).toEqual([0, 0]);
    const dir = mkdtempSync(join(tmpdir(), 'dlts-book-compare-'));
    try {
      const [a, b, changed, missing] = ['a', 'b', 'changed', 'missing'].map((n) => join(dir, `${n}.json`));
      writeFileSync(a!, runs[0]!.stdout);
      writeFileSync(b!, runs[1]!.stdout);
      const same = cli('compare', a!, b!);
      expect(same.status).toBe(0);
      expect(same.stdout).toMatch(/\| ch04\.single_layer \| cpu +\| float64 \| yes +\|/);
      const doc = JSON.parse(runs[1]!.stdout);
      const loss = doc.experiments[0].history.loss;
      loss[2] = loss[2] * (1 + 2 ** -52);
      writeFileSync(changed!, JSON.stringify(doc));
      const differs = cli('compare', a!, changed!);
      expect(differs.status).toBe(1);
      expect(differs.stdout).toMatch(/\| no +\| history\.loss\[2\]: /);
      writeFileSync(missing!, JSON.stringify({ experiments: [] }));
      expect(cli('compare', a!, missing!).stdout).toMatch(/only in the first report/);
      const bad = cli('compare', a!, join(dir, 'nope.json'));
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/cannot read .*nope\.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
