import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BackendError, backendName, memory, ready, registeredBackends, tensor, tidy, add } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'dlts-ready-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dlts umbrella', () => {
  it('registers the built-in backends without loading them', () => {
    expect(registeredBackends()).toContain('cpu');
  });

  it('picks the backend from dlts.config.json and computes on it', async () => {
    writeFileSync(join(dir, 'dlts.config.json'), JSON.stringify({ backend: 'cpu' }));
    const { choice } = await ready({ cwd: dir, env: {}, argv: [] });
    expect(choice).toMatchObject({ name: 'cpu', source: 'config' });
    expect(backendName()).toBe('cpu');
    const before = memory().numTensors;
    const y = tidy(() => add(tensor([1, 2, 3]), tensor([10, 20, 30])));
    expect(Array.from(y.dataSync())).toEqual([11, 22, 33]);
    y.dispose();
    expect(memory().numTensors).toBe(before);
  });

  it('names the registered backends when asked for an unknown one', async () => {
    const err = await ready({ cwd: dir, env: { DLTS_BACKEND: 'cuda' }, argv: [] }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect(err.message).toMatch(/unknown backend 'cuda'; registered backends: cpu/);
  });
});
