export * from './backend/contract.js';
export {
  registerBackend, setBackend, getBackend, backendName, findBackend, loadBackend, registeredBackends,
  backendStatus, setBackendOptions, shutdownBackends, type BackendLoader, type BackendOptions, type BackendStatus,
} from './backend/registry.js';
export {
  resolveBackendChoice, findConfigFile, readConfigFile, backendFlag, CONFIG_FILE,
  type DltsConfig, type BackendChoice, type ResolveOptions,
} from './backend/config.js';
export { DltsError, ShapeError, DTypeError, IndexError, BackendError } from './errors.js';
export { Tensor, Variable, type NestedArray } from './tensor.js';
export { tidy, keep, dispose, memory, type MemoryInfo } from './engine.js';
export * from './ops/index.js';
export { grad, grads, valueAndGrad, valueAndGrads, variable, variableGrads } from './autograd.js';
export { broadcastShapes, sizeOf } from './shape_util.js';
export { RandomState, type Size } from './random/random_state.js';
