/**
 * @dlts/book: the book's experiments (Ch03-Ch07) on dlts, runnable on every backend.
 * The CLI is `dlts-book` (src/cli.ts); this module exports the pieces for programs and tests.
 */
export type { Experiment, ExperimentOutput, BookTarget, Tolerance, RunContext } from './runner/experiment.js';
export { APPS, REGRESSION, MLP, selectExperiments, type AppName } from './runner/registry.js';
export { runExperiment, skippedRecord, type RunRecord, type RunOptions } from './runner/run_experiment.js';
export { runAll } from './runner/run_all.js';
export { planBackends, type BackendPlan } from './runner/backends.js';
export { compare, meetsBar, type Match, type Comparison } from './runner/comparison.js';
export { comparisonTable } from './runner/table.js';
export { jsonReport } from './runner/json_report.js';
export { Neuron } from './book/neuron.js';
export { LogisticNeuron } from './book/logistic_neuron.js';
export { SingleLayerCh04 } from './book/single_layer_ch04.js';
export { SingleLayerCh05 } from './book/single_layer_ch05.js';
export { SingleLayerCh06 } from './book/single_layer_ch06.js';
export { DualLayer } from './book/dual_layer.js';
export { RandomInitNetwork } from './book/random_init_network.js';
export { MinibatchNetwork } from './book/minibatch_network.js';
export { MultiClassNetwork } from './book/multi_class_network.js';
export { SgdClassifier } from './sklearn/sgd_classifier.js';
export { MlpClassifier } from './sklearn/mlp_classifier.js';
export { stratifiedKFold } from './sklearn/stratified_kfold.js';
