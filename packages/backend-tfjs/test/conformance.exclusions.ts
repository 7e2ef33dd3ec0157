import type { Exclusions } from '@dlts/conformance';

/** Kernels the tfjs backend does not run, with reasons. None: every kernel runs, on both engines. */
export const exclusions: Exclusions = {};
