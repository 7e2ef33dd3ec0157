import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backendFlag, resolveBackendChoice } from '../src/backend/config.js';

const root = mkdtempSync(join(tmpdir(), 'dlts-config-'));
const nested = join(root, 'a', 'b');
mkdirSync(nested, { recursive: true });
writeFileSync(join(root, 'dlts.config.json'), JSON.stringify({ backend: 'wasm', backends: { tfjs: { engine: 'cpu' } } }));
const bare = mkdtempSync(join(tmpdir(), 'dlts-noconfig-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(bare, { recursive: true, force: true });
});

describe('resolveBackendChoice', () => {
  it('finds dlts.config.json in a parent directory', () => {
    const c = resolveBackendChoice({ cwd: nested, env: {} });
    expect(c).toMatchObject({ name: 'wasm', source: 'config', configPath: join(root, 'dlts.config.json') });
    expect(c.config.backends?.['tfjs']).toEqual({ engine: 'cpu' });
  });

  it('DLTS_BACKEND overrides the config file', () => {
    expect(resolveBackendChoice({ cwd: nested, env: { DLTS_BACKEND: 'gpujs' } })).toMatchObject({ name: 'gpujs', source: 'env' });
  });

  it('--backend overrides the environment, and an explicit name overrides everything', () => {
    const env = { DLTS_BACKEND: 'gpujs' };
    expect(resolveBackendChoice({ cwd: nested, env, argv: ['--epochs', '3', '--backend', 'tfjs'] })).toMatchObject({ name: 'tfjs', source: 'flag' });
    expect(resolveBackendChoice({ cwd: nested, env, argv: ['--backend=cpu'] })).toMatchObject({ name: 'cpu', source: 'flag' });
    expect(resolveBackendChoice({ cwd: nested, env, argv: ['--backend=cpu'], explicit: 'wasm' })).toMatchObject({ name: 'wasm', source: 'explicit' });
  });

  it('falls back to cpu when nothing names a backend', () => {
    expect(resolveBackendChoice({ cwd: bare, env: {} })).toMatchObject({ name: 'cpu', source: 'default' });
    expect(resolveBackendChoice({ cwd: bare, env: {}, fallback: 'wasm' })).toMatchObject({ name: 'wasm', source: 'default' });
  });

  it('names the file when the config is not valid JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dlts-bad-'));
    writeFileSync(join(dir, 'dlts.config.json'), '{ backend: cpu');
    expect(() => resolveBackendChoice({ cwd: dir, env: {} })).toThrow(join(dir, 'dlts.config.json'));
    writeFileSync(join(dir, 'dlts.config.json'), '{"backend": 3}');
    expect(() => resolveBackendChoice({ cwd: dir, env: {} })).toThrow(/"backend" must be a string/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('rejects --backend without a name', () => {
    expect(() => backendFlag(['--backend'])).toThrow(/needs a backend name/);
    expect(backendFlag(['--verbose'])).toBeUndefined();
  });
});
