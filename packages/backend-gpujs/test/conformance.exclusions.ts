import type { Exclusions } from '@dlts/conformance';

/** Kernels the gpujs backend does not run, with reasons. None: it implements every kernel in both modes. */
export const exclusions: Exclusions = {};
