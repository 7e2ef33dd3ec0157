import { homedir } from 'node:os';
import { join } from 'node:path';

/** Reads an environment variable, treating the empty string as unset. */
export function envVar(name: string): string | undefined {
  const v = process.env[name];
  return v === undefined || v === '' ? undefined : v;
}

/**
 * The download cache: `DLTS_CACHE_DIR`, else `$XDG_CACHE_HOME/dlts/datasets`, else
 * `~/.cache/dlts/datasets`. Per user rather than per checkout, so every project (and an installed
 * package, which has no repository folder) shares one copy of the 100 MB of data.
 */
export function defaultCacheDir(): string {
  return envVar('DLTS_CACHE_DIR') ?? join(envVar('XDG_CACHE_HOME') ?? join(homedir(), '.cache'), 'dlts', 'datasets');
}
