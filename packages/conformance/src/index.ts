export { describeBackend, resultsPath, type ConformanceOptions } from './describe_backend.js';
export type { Exclusions, KernelName, Coverage } from './kernels.js';
export { ALL_KERNELS, CORE_TOPICS } from './kernels.js';
export type { Results, MatrixEntry, Status } from './coverage_matrix.js';
