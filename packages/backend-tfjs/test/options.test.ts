import { BackendError } from '@dlts/core';
import { describe, expect, it } from 'vitest';
import { createTfjsBackend, parseTfjsOptions } from '../src/index.js';

describe('options (dlts.config.json "backends": { "tfjs": { ... } })', () => {
  it('defaults to the wasm engine and accepts cpu', () => {
    expect(parseTfjsOptions({})).toEqual({ engine: 'wasm' });
    expect(parseTfjsOptions({ engine: 'cpu' })).toEqual({ engine: 'cpu' });
  });

  it('rejects an unknown engine, naming it and the available ones', async () => {
    expect(() => parseTfjsOptions({ engine: 'webgl' })).toThrow(BackendError);
    expect(() => parseTfjsOptions({ engine: 'webgl' })).toThrow(/unknown engine "webgl"; available engines: wasm, cpu/);
    await expect(createTfjsBackend({ engine: 'node' })).rejects.toThrow(/unknown engine "node"/);
  });

  it('rejects unknown option keys instead of ignoring them', () => {
    expect(() => parseTfjsOptions({ engine: 'cpu', threads: 2 })).toThrow(/unknown option\(s\) 'threads'; known options: engine/);
  });

  it('names the backend after its engine', async () => {
    expect((await createTfjsBackend({ engine: 'cpu' })).name).toBe('tfjs-cpu');
    expect((await createTfjsBackend()).name).toBe('tfjs-wasm');
  });
});
