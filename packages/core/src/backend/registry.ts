import type { Backend } from './contract.js';
import { BackendError } from '../errors.js';

/** Options a backend's loader receives: its section of dlts.config.json ("backends": {name: {...}}). */
export type BackendOptions = Record<string, unknown>;
export type BackendLoader = (options: BackendOptions) => Backend | Promise<Backend>;

interface Entry {
  loader: BackendLoader;
  options: BackendOptions;
  instance?: Backend;
  loading?: Promise<Backend>;
  /** Why the last load failed. */
  error?: string;
}

const entries = new Map<string, Entry>();
let currentName: string | null = null;

/**
 * Registers a backend under `name`. The loader runs on first use (so a backend's heavy or native
 * dependencies load only when it is chosen); it may be async and should dynamic-import them.
 */
export function registerBackend(name: string, loader: BackendLoader, options: BackendOptions = {}): void {
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw new BackendError(`registerBackend: invalid backend name '${name}'`);
  const old = entries.get(name);
  if (old?.instance) throw new BackendError(`registerBackend: backend '${name}' is already registered and loaded`);
  entries.set(name, { loader, options });
}

/** Sets options passed to a not-yet-loaded backend's loader (from the config file). */
export function setBackendOptions(name: string, options: BackendOptions): void {
  const entry = entries.get(name);
  if (entry && !entry.instance) entry.options = options;
}

export function registeredBackends(): string[] {
  return [...entries.keys()];
}

export interface BackendStatus {
  name: string;
  loaded: boolean;
  error?: string;
}

export function backendStatus(): BackendStatus[] {
  return [...entries].map(([name, e]) => ({ name, loaded: e.instance !== undefined, ...(e.error ? { error: e.error } : {}) }));
}

function describeRegistry(): string {
  if (entries.size === 0) return 'no backends are registered (import "dlts" to register the built-in ones, or call registerBackend)';
  const parts = backendStatus().map((s) => (s.error ? `${s.name} (unavailable: ${s.error})` : s.name));
  return `registered backends: ${parts.join(', ')}`;
}

/** Loads (once) and returns the backend registered as `name`. */
export async function loadBackend(name: string): Promise<Backend> {
  const entry = entries.get(name);
  if (!entry) throw new BackendError(`unknown backend '${name}'; ${describeRegistry()}`);
  if (entry.instance) return entry.instance;
  entry.loading ??= (async () => {
    try {
      const backend = await entry.loader(entry.options);
      entry.instance = backend;
      delete entry.error;
      return backend;
    } catch (e) {
      entry.error = e instanceof Error ? e.message : String(e);
      throw new BackendError(`backend '${name}' is unavailable: ${entry.error}; ${describeRegistry()}`);
    } finally {
      delete entry.loading;
    }
  })();
  return entry.loading;
}

/** Makes `name` the backend new tensors are created on. */
export async function setBackend(name: string): Promise<Backend> {
  const backend = await loadBackend(name);
  currentName = name;
  return backend;
}

/** The current backend; throws when none has been chosen and loaded. */
export function getBackend(): Backend {
  return findBackend(backendName());
}

/** Name of the current backend. */
export function backendName(): string {
  if (currentName === null) {
    throw new BackendError(`no backend is selected: call 'await setBackend(name)' or 'await ready()' first; ${describeRegistry()}`);
  }
  return currentName;
}

/** A loaded backend by name (synchronous: it must have been loaded with setBackend/loadBackend). */
export function findBackend(name: string): Backend {
  const entry = entries.get(name);
  if (!entry) throw new BackendError(`unknown backend '${name}'; ${describeRegistry()}`);
  if (!entry.instance) throw new BackendError(`backend '${name}' is registered but not loaded: await setBackend('${name}') or loadBackend('${name}') first`);
  return entry.instance;
}

/** Shuts down every loaded backend (threads, contexts) and forgets the selection. */
export async function shutdownBackends(): Promise<void> {
  for (const entry of entries.values()) {
    const b = entry.instance;
    if (b?.shutdown) await b.shutdown();
  }
}
