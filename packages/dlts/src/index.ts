/**
 * dlts: the package users install. Re-exports @dlts/core and registers the built-in backends
 * (lazily: nothing heavy loads until a backend is chosen).
 */
import { registerBuiltinBackends } from './builtin_backends.js';

export * from '@dlts/core';
/** The book's data sets and preprocessing (@dlts/data), as a namespace: `dl.data.loadFashionMnist()`. */
export * as data from '@dlts/data';
export { BUILTIN_BACKENDS } from './builtin_backends.js';
export { ready, type ReadyResult } from './ready.js';

registerBuiltinBackends();
