import type { Exclusions } from '@dlts/conformance';

/** Kernels the cpu backend does not run, with reasons. No exclusions: it implements every kernel. */
export const exclusions: Exclusions = {};
