import { describe, expect, it } from 'vitest';
import { BackendError } from '../src/errors.js';
import { backendStatus, loadBackend, registerBackend, setBackend } from '../src/backend/registry.js';

describe('backend registry', () => {
  it('lists registered backends, and why an unavailable one is unavailable, in one error', async () => {
    registerBackend('fake-ok', () => ({ name: 'fake-ok' }) as never);
    registerBackend('fake-broken', async () => {
      throw new Error('no WebGL context (run under xvfb-run)');
    });
    await expect(setBackend('fake-broken')).rejects.toThrow(BackendError);
    await expect(setBackend('fake-broken')).rejects.toThrow("backend 'fake-broken' is unavailable: no WebGL context");
    const err = await setBackend('nope').catch((e: Error) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect(err.message).toContain("unknown backend 'nope'");
    expect(err.message).toContain('fake-ok');
    expect(err.message).toContain('fake-broken (unavailable: no WebGL context (run under xvfb-run))');
    expect(backendStatus().find((s) => s.name === 'fake-broken')?.error).toContain('no WebGL context');
  });

  it('loads lazily and once', async () => {
    let calls = 0;
    registerBackend('fake-lazy', () => {
      calls++;
      return { name: 'fake-lazy' } as never;
    });
    expect(calls).toBe(0);
    const [a, b] = await Promise.all([loadBackend('fake-lazy'), loadBackend('fake-lazy')]);
    expect(a).toBe(b);
    expect(calls).toBe(1);
  });

  it('passes config options to the loader', async () => {
    let seen: unknown;
    registerBackend('fake-opts', (options) => {
      seen = options;
      return { name: 'fake-opts' } as never;
    }, { engine: 'cpu' });
    await loadBackend('fake-opts');
    expect(seen).toEqual({ engine: 'cpu' });
  });
});
