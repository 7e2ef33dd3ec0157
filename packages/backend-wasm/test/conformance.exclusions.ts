import type { Exclusions } from '@dlts/conformance';

/** Kernels the wasm backend does not run, with reasons. None: every kernel runs in every configuration. */
export const exclusions: Exclusions = {};
