export { createTfjsBackend } from './create_backend.js';
export { TfjsBackend } from './backend.js';
export { parseTfjsOptions, type TfjsBackendOptions } from './options.js';
export { ENGINE_NAMES, ENGINE_TRAITS, type EngineName } from './engine.js';
export { measureAdapterOverhead, formatOverheadTable, type OverheadRow, type OverheadOptions } from './bench/overhead.js';
export { measureFills, formatFillTable, type FillRow } from './bench/fills.js';
export { ADAPTER_KERNELS, FILLS, REPLACED, findGaps, planKernels, type Fill, type FillableKernel, type KernelPlan } from './kernel_plan.js';
