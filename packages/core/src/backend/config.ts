import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DltsError } from '../errors.js';
import type { BackendOptions } from './registry.js';

export const CONFIG_FILE = 'dlts.config.json';

/** The contents of dlts.config.json. */
export interface DltsConfig {
  /** Backend to use when neither DLTS_BACKEND nor an explicit choice is given. */
  backend?: string;
  /** Per-backend options handed to the backend's loader, e.g. {"tfjs": {"engine": "cpu"}}. */
  backends?: Record<string, BackendOptions>;
}

export interface BackendChoice {
  name: string;
  source: 'explicit' | 'flag' | 'env' | 'config' | 'default';
  /** The config file that was read, if one was found. */
  configPath?: string;
  config: DltsConfig;
}

export interface ResolveOptions {
  /** setBackend()-level choice: highest precedence. */
  explicit?: string;
  /** Command-line arguments to search for `--backend NAME` / `--backend=NAME`. */
  argv?: readonly string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Used when nothing else names a backend. */
  fallback?: string;
}

/** Finds dlts.config.json in `cwd` or the nearest directory above it. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function readConfigFile(path: string): DltsConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new DltsError(`${path}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new DltsError(`${path}: expected a JSON object like {"backend": "cpu"}`);
  }
  const config = parsed as DltsConfig;
  if (config.backend !== undefined && typeof config.backend !== 'string') {
    throw new DltsError(`${path}: "backend" must be a string, got ${JSON.stringify(config.backend)}`);
  }
  if (config.backends !== undefined && (typeof config.backends !== 'object' || config.backends === null)) {
    throw new DltsError(`${path}: "backends" must be an object of per-backend options`);
  }
  return config;
}

export function backendFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--backend') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new DltsError('--backend needs a backend name');
      return value;
    }
    if (arg.startsWith('--backend=')) return arg.slice('--backend='.length);
  }
  return undefined;
}

/**
 * Which backend to use, lowest to highest precedence: dlts.config.json (nearest upward from
 * cwd), DLTS_BACKEND, a --backend flag, an explicit name.
 */
export function resolveBackendChoice(options: ResolveOptions = {}): BackendChoice {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const configPath = findConfigFile(cwd);
  const config = configPath ? readConfigFile(configPath) : {};
  const base = { config, ...(configPath ? { configPath } : {}) };
  if (options.explicit) return { name: options.explicit, source: 'explicit', ...base };
  const flag = options.argv ? backendFlag(options.argv) : undefined;
  if (flag) return { name: flag, source: 'flag', ...base };
  const fromEnv = env['DLTS_BACKEND'];
  if (fromEnv) return { name: fromEnv, source: 'env', ...base };
  if (config.backend) return { name: config.backend, source: 'config', ...base };
  return { name: options.fallback ?? 'cpu', source: 'default', ...base };
}
