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
export { setSeed } from './random/global_random.js';
export { getActivation, type ActivationName, type ActivationFn } from './activations.js';
export { initialValues, fans, type Initializer, type InitializerName, type InitializerConfig } from './initializers.js';
export { l1, l2, l1l2, type Regularizer } from './regularizers.js';
export * from './layers/index.js';
export {
  meanSquaredError, binaryCrossentropy, categoricalCrossentropy, sparseCategoricalCrossentropy, getLoss, EPSILON,
  type LossName, type LossFn, type LossOptions,
} from './losses.js';
export {
  binaryAccuracy, categoricalAccuracy, sparseCategoricalAccuracy, mse, mae, getMetric, type MetricName, type MetricFn,
} from './metrics.js';
export { Optimizer, SGD, Adam, RMSprop, Adagrad, getOptimizer, type OptimizerName } from './optimizers/index.js';
export { Sequential, type CompileOptions, type FitOptions, type Verbose } from './model/sequential.js';
export { sliceSamples, takeSamples, type HostArray, type Samples } from './model/samples.js';
export { Callback, EarlyStopping, type EarlyStoppingOptions, type Logs } from './model/callbacks.js';
export { History } from './model/history.js';
export { ProgressLogger, type ProgressStream } from './model/progress.js';
export { encodeSafetensors, decodeSafetensors, type NamedArray } from './model/safetensors.js';
