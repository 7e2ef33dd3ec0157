import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { DType } from '../backend/contract.js';
import { isFloatDType } from '../backend/contract.js';
import { variableGrads } from '../autograd.js';
import { dispose, keep, tidy } from '../engine.js';
import { DltsError, ShapeError, fmtShape } from '../errors.js';
import { getLoss, type LossFn, type LossName, type LossOptions } from '../losses.js';
import { getMetric, type MetricFn, type MetricName } from '../metrics.js';
import { getOptimizer, type Optimizer, type OptimizerName } from '../optimizers/index.js';
import { globalRandom } from '../random/global_random.js';
import { RandomState } from '../random/random_state.js';
import { add } from '../ops/binary.js';
import { tensor } from '../ops/creation.js';
import { cast } from '../ops/select.js';
import { reshape } from '../ops/shape.js';
import { concat } from '../ops/transform.js';
import { Tensor, type Variable } from '../tensor.js';
import { fmt, type Layer, type Shape } from '../layers/layer.js';
import { Callback, type Logs, type TrainingModel } from './callbacks.js';
import { History } from './history.js';
import { checkSamples, sliceSamples, splitSamples, takeSamples, type Samples } from './samples.js';
import { ProgressLogger, type ProgressStream } from './progress.js';
import { decodeSafetensors, encodeSafetensors } from './safetensors.js';
import { summaryText } from './summary.js';
import { uniqueName } from '../layers/layer.js';

export interface CompileOptions {
  optimizer: OptimizerName | Optimizer;
  loss: LossName | LossFn;
  lossOptions?: LossOptions;
  metrics?: (MetricName | MetricFn)[];
}

export type Verbose = 0 | 1 | 2 | 'auto';

export interface FitOptions {
  epochs?: number;
  batchSize?: number;
  validationData?: [Samples, Samples];
  /** Fraction of the samples, taken from the end before shuffling, held out for validation. */
  validationSplit?: number;
  shuffle?: boolean;
  /** Seeds the per-epoch shuffling (default: the global generator, see setSeed). */
  seed?: number;
  callbacks?: Callback[];
  /** 1: progress bar (a TTY only), 2: one line per epoch, 0: silent; 'auto': 1 on a TTY, else 0. */
  verbose?: Verbose;
  /** Where progress goes (default process.stdout). */
  stream?: ProgressStream;
}

interface Compiled {
  optimizer: Optimizer;
  lossName?: LossName;
  loss: LossFn;
  metrics: { name: string; fn: MetricFn }[];
}

/** Keras's Sequential: a stack of layers, compiled with a loss and an optimizer, trained by fit(). */
export class Sequential implements TrainingModel {
  readonly name: string;
  readonly dtype: DType;
  readonly layers: Layer[] = [];
  stopTraining = false;
  private compiled?: Compiled;
  private inputShape?: Shape;

  constructor(options: { layers?: Layer[]; name?: string; dtype?: DType } = {}) {
    this.name = options.name ?? uniqueName('sequential');
    this.dtype = options.dtype ?? 'float32';
    for (const l of options.layers ?? []) this.add(l);
  }

  add(layer: Layer): void {
    if (this.layers.length > 0 && layer.inputShape) {
      throw new DltsError(`${this.name}: only the first layer takes inputShape (got it on '${layer.name}')`);
    }
    layer.adoptDType(this.dtype);
    this.layers.push(layer);
    if (this.layers.length === 1 && layer.inputShape) this.build([null, ...layer.inputShape]);
    else if (this.inputShape) this.build(this.inputShape);
  }

  /** Creates every layer's weights for inputs of `inputShape` (batch axis first, null or a number). */
  build(inputShape: Shape): void {
    let shape: Shape = [...inputShape];
    for (const layer of this.layers) {
      if (!layer.built) layer.build(shape);
      shape = layer.computeOutputShape(shape);
    }
    this.inputShape = [...inputShape];
  }

  get built(): boolean {
    return this.inputShape !== undefined && this.layers.every((l) => l.built);
  }

  /** Per-layer output shapes (after build). */
  private outputShapes(): Shape[] {
    if (!this.inputShape) throw new DltsError(`${this.name}: not built yet: give the first layer an inputShape, call build(), or fit/predict once`);
    const shapes: Shape[] = [];
    let shape = this.inputShape;
    for (const layer of this.layers) {
      shape = layer.computeOutputShape(shape);
      shapes.push(shape);
    }
    return shapes;
  }

  /** Keras's summary table; printed unless print is false, returned either way. */
  summary(print = true): string {
    const shapes = this.outputShapes();
    const text = summaryText(this.name, this.layers.map((layer, i) => ({ layer, outputShape: shapes[i]! })));
    if (print) console.log(text);
    return text;
  }

  countParams(): number {
    return this.layers.reduce((n, l) => n + l.countParams(), 0);
  }

  get weights(): Variable[] {
    return this.layers.flatMap((l) => l.weights);
  }

  get trainableWeights(): Variable[] {
    return this.layers.flatMap((l) => l.trainableWeights);
  }

  compile(options: CompileOptions): void {
    const lossName = typeof options.loss === 'string' ? options.loss : undefined;
    const outputDim = () => {
      const shapes = this.inputShape ? this.outputShapes() : [];
      return (shapes[shapes.length - 1]?.at(-1) as number | null | undefined) ?? 0;
    };
    this.compiled?.optimizer.dispose();
    this.compiled = {
      optimizer: getOptimizer(options.optimizer),
      ...(lossName ? { lossName } : {}),
      loss: getLoss(options.loss, options.lossOptions),
      metrics: (options.metrics ?? []).map((m) => ({
        name: typeof m === 'string' ? m : m.name || 'metric',
        // Resolved lazily: 'accuracy' depends on the output width, known once built.
        fn: typeof m === 'string' ? (t: Tensor, p: Tensor) => getMetric(m, lossName, outputDim())(t, p) : m,
      })),
    };
  }

  get optimizer(): Optimizer | undefined {
    return this.compiled?.optimizer;
  }

  /** The forward pass on a batch (builds on first use). */
  call(x: Tensor, training = false): Tensor {
    if (!this.built) this.build([null, ...x.shape.slice(1)]);
    this.checkInput(x);
    return tidy(() => {
      let h = isFloatDType(x.dtype) && x.dtype !== this.dtype ? cast(x, this.dtype) : x;
      for (const layer of this.layers) h = layer.apply(h, training);
      return h;
    });
  }

  private checkInput(x: Tensor): void {
    const want = this.inputShape!;
    if (x.rank !== want.length || want.some((d, i) => d !== null && d !== x.shape[i])) {
      throw new ShapeError(`${this.name}: input ${fmtShape(x.shape)} does not match the model's input shape (${fmt(want)})`);
    }
  }

  private requireCompiled(what: string): Compiled {
    if (!this.compiled) throw new DltsError(`${this.name}.${what}: call compile({optimizer, loss}) first`);
    return this.compiled;
  }

  /** Loss (with weight penalties) and metric values on one batch, as scalars. */
  private batchScores(c: Compiled, yTrue: Tensor, yPred: Tensor): { loss: Tensor; metrics: Tensor[] } {
    let loss = c.loss(yTrue, yPred);
    for (const layer of this.layers) {
      const p = layer.regularizationLoss();
      if (p) loss = add(loss, p);
    }
    return { loss, metrics: c.metrics.map((m) => m.fn(yTrue, yPred)) };
  }

  /** x and y: tensors, or host arrays uploaded a batch at a time (see HostArray). */
  fit(x: Samples, y: Samples, options: FitOptions = {}): History {
    const c = this.requireCompiled('fit');
    checkPair('fit', x, y);
    const epochs = options.epochs ?? 1;
    const batchSize = options.batchSize ?? 32;
    let [xTrain, yTrain, xVal, yVal] = [x, y, options.validationData?.[0], options.validationData?.[1]];
    const owned: Samples[] = [];
    if (options.validationSplit !== undefined && !options.validationData) {
      const split = options.validationSplit;
      if (!(split > 0 && split < 1)) throw new DltsError(`fit: validationSplit must be in (0, 1), got ${split}`);
      const at = Math.floor(x.shape[0]! * (1 - split));
      [xTrain, xVal] = [splitSamples(x, 0, at), splitSamples(x, at, x.shape[0]! - at)];
      [yTrain, yVal] = [splitSamples(y, 0, at), splitSamples(y, at, y.shape[0]! - at)];
      owned.push(xTrain, xVal, yTrain, yVal);
    }
    if (xVal && yVal) checkPair('fit (validation)', xVal, yVal);
    const n = xTrain.shape[0]!;
    const steps = Math.ceil(n / batchSize);
    const rng = options.seed !== undefined ? new RandomState(options.seed) : globalRandom();
    const history = new History();
    const callbacks: Callback[] = [history, ...(options.callbacks ?? [])];
    const progress = progressLogger(options.verbose ?? 'auto', options.stream ?? process.stdout);
    if (progress) callbacks.unshift(progress);
    for (const cb of callbacks) cb.setModel(this);
    this.stopTraining = false;
    if (!this.built) this.build([null, ...x.shape.slice(1)]);
    for (const cb of callbacks) cb.onTrainBegin({ epochs, steps });
    const names = ['loss', ...c.metrics.map((m) => m.name)];
    try {
      for (let epoch = 0; epoch < epochs && !this.stopTraining; epoch++) {
        for (const cb of callbacks) cb.onEpochBegin(epoch);
        const order = options.shuffle ?? true ? rng.permutation(n) : null;
        const sums = new Float64Array(names.length);
        let seen = 0;
        for (let step = 0; step < steps; step++) {
          const start = step * batchSize;
          const size = Math.min(batchSize, n - start);
          const values = tidy(() => {
            const [xb, yb] = order ? takeSamples([xTrain, yTrain], order.subarray(start, start + size)) : [sliceSamples(xTrain, start, size), sliceSamples(yTrain, start, size)];
            return this.trainStep(c, xb!, yb!);
          });
          values.forEach((v, i) => (sums[i]! += v * size));
          seen += size;
          const logs = Object.fromEntries(names.map((k, i) => [k, sums[i]! / seen]));
          for (const cb of callbacks) cb.onBatchEnd(step, logs);
        }
        const logs: Logs = Object.fromEntries(names.map((k, i) => [k, sums[i]! / seen]));
        if (xVal && yVal) {
          const val = this.evaluate(xVal, yVal, { batchSize });
          for (const k of names) logs[`val_${k}`] = val[k]!;
        }
        for (const cb of callbacks) cb.onEpochEnd(epoch, logs);
      }
      for (const cb of callbacks) cb.onTrainEnd();
    } finally {
      dispose(owned.filter((s): s is Tensor => s instanceof Tensor));
    }
    return history;
  }

  /** One optimizer step; returns the batch's loss and metrics. */
  private trainStep(c: Compiled, xb: Tensor, yb: Tensor): number[] {
    let pred: Tensor | undefined;
    const { value, grads } = variableGrads(() => {
      pred = keep(this.call(xb, true));
      return this.batchScores(c, yb, pred).loss;
    }, this.trainableWeights);
    c.optimizer.applyGradients(grads);
    const metrics = c.metrics.map((m) => m.fn(yb, pred!));
    const out = [value, ...metrics].map((t) => t.dataSync()[0]!);
    pred!.dispose();
    return out;
  }

  /** Loss and metrics over (x, y), averaged over samples, batch by batch. */
  evaluate(x: Samples, y: Samples, options: { batchSize?: number } = {}): Record<string, number> {
    const c = this.requireCompiled('evaluate');
    checkPair('evaluate', x, y);
    const batchSize = options.batchSize ?? 32;
    const n = x.shape[0]!;
    const names = ['loss', ...c.metrics.map((m) => m.name)];
    const sums = new Float64Array(names.length);
    for (let start = 0; start < n; start += batchSize) {
      const size = Math.min(batchSize, n - start);
      const values = tidy(() => {
        const yb = sliceSamples(y, start, size);
        const { loss, metrics } = this.batchScores(c, yb, this.call(sliceSamples(x, start, size), false));
        return [loss, ...metrics].map((t) => t.dataSync()[0]!);
      });
      values.forEach((v, i) => (sums[i]! += v * size));
    }
    return Object.fromEntries(names.map((k, i) => [k, sums[i]! / n]));
  }

  /** Outputs for every sample of x, computed batchSize rows at a time. */
  predict(x: Samples, options: { batchSize?: number } = {}): Tensor {
    checkSamples('predict', x);
    const batchSize = options.batchSize ?? 32;
    const n = x.shape[0]!;
    return tidy(() => {
      const parts: Tensor[] = [];
      for (let start = 0; start < n; start += batchSize) parts.push(this.call(sliceSamples(x, start, Math.min(batchSize, n - start)), false));
      return parts.length === 1 ? parts[0]! : concat(parts, 0);
    });
  }

  /** Current weight values, layer by layer (new tensors: dispose them). */
  getWeights(): Tensor[] {
    return this.weights.map((v) => reshape(v, v.shape));
  }

  setWeights(weights: readonly Tensor[]): void {
    const vars = this.weights;
    if (weights.length !== vars.length) throw new DltsError(`${this.name}.setWeights: expected ${vars.length} tensors, got ${weights.length}`);
    vars.forEach((v, i) => {
      const w = weights[i]!;
      if (w.dtype !== v.dtype || w.shape.length !== v.shape.length || w.shape.some((d, k) => d !== v.shape[k])) {
        throw new ShapeError(`${this.name}.setWeights: '${v.name}' is ${v.dtype} ${fmtShape(v.shape)}, got ${w.dtype} ${fmtShape(w.shape)}`);
      }
    });
    vars.forEach((v, i) => v.assign(weights[i]!));
  }

  /** Names in the weights file: layer index and weight name (layer names vary between processes). */
  private weightKeys(): string[] {
    return this.layers.flatMap((l, i) => l.weights.map((v) => `layers.${i}.${v.name.slice(l.name.length + 1)}`));
  }

  /** Writes every weight to a safetensors file, atomically (a temporary file renamed into place). */
  saveWeights(path: string): void {
    if (!this.built) throw new DltsError(`${this.name}.saveWeights: the model is not built yet`);
    const keys = this.weightKeys();
    const bytes = encodeSafetensors(
      this.weights.map((v, i) => ({ name: keys[i]!, dtype: v.dtype, shape: v.shape, data: v.dataSync() })),
      { format: 'dlts', model: this.name, layers: this.layers.map((l) => `${l.name}:${l.className}`).join(',') },
    );
    const tmp = `${path}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, bytes);
      renameSync(tmp, path);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw new DltsError(`${this.name}.saveWeights: cannot write ${path}: ${(e as Error).message}`);
    }
  }

  /** Reads a safetensors file written by saveWeights; checks everything before changing any weight. */
  loadWeights(path: string): void {
    if (!this.built) throw new DltsError(`${this.name}.loadWeights: build the model first (its shapes decide what the file must hold)`);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      throw new DltsError(`${this.name}.loadWeights: cannot read ${path}: ${(e as Error).message}`);
    }
    const { arrays } = decodeSafetensors(bytes, path);
    const keys = this.weightKeys();
    const vars = this.weights;
    const missing = keys.filter((k) => !arrays.has(k));
    const extra = [...arrays.keys()].filter((k) => !keys.includes(k));
    if (missing.length || extra.length) {
      throw new DltsError(`${path}: weights do not match ${this.name}: missing [${missing.join(', ')}], unexpected [${extra.join(', ')}]`);
    }
    vars.forEach((v, i) => {
      const a = arrays.get(keys[i]!)!;
      if (a.dtype !== v.dtype || a.shape.length !== v.shape.length || a.shape.some((d, k) => d !== v.shape[k])) {
        throw new ShapeError(`${path}: '${keys[i]}' is ${a.dtype} ${fmtShape(a.shape)} in the file, the model's is ${v.dtype} ${fmtShape(v.shape)}`);
      }
    });
    tidy(() => vars.forEach((v, i) => v.assign(tensor(arrays.get(keys[i]!)!.data, v.shape, v.dtype))));
  }

  dispose(): void {
    for (const l of this.layers) l.dispose();
    this.compiled?.optimizer.dispose();
  }
}

function checkPair(op: string, x: Samples, y: Samples): void {
  checkSamples(`${op} (x)`, x);
  checkSamples(`${op} (y)`, y);
  if (x.shape[0] !== y.shape[0]) throw new ShapeError(`${op}: x ${fmtShape(x.shape)} and y ${fmtShape(y.shape)} have different numbers of samples`);
}

function progressLogger(verbose: Verbose, stream: ProgressStream): ProgressLogger | null {
  if (verbose === 0) return null;
  if (verbose === 2) return new ProgressLogger(stream, true);
  return stream.isTTY ? new ProgressLogger(stream, false) : null;
}
