import { Callback, data, Dense, RandomState, Sequential, setSeed, SGD, tensor, type HostArray, type Logs, type Tensor } from 'dlts';
import type { Experiment, RunContext } from '../runner/experiment.js';
import { lineChart } from '../plots/chart.js';
import { Disposer } from '../book/disposer.js';
import { MultiClassNetwork } from '../book/multi_class_network.js';
import { fashionSplits } from './data.js';

const EPOCHS = 40;

interface FashionData {
  /**
   * The 48,000 training rows stay on the host and are uploaded a batch at a time: as one tensor
   * they would be 37.6 M values, past what gpu.js indexes (2^24), and no backend needs them whole.
   */
  readonly xTrain: HostArray;
  /** One-hot [48000, 10] (to_categorical), on the host. */
  readonly yTrain: HostArray;
  readonly xVal: Tensor;
  readonly yVal: Tensor;
  /** int32 class ids of the validation rows. */
  readonly labelsVal: Tensor;
}

async function upload(ctx: RunContext, owner: Disposer): Promise<FashionData> {
  const s = await fashionSplits(ctx.dtype);
  const Floats = ctx.dtype === 'float64' ? Float64Array : Float32Array;
  const oneHot = (labels: Uint8Array): HostArray => {
    const c = data.toCategorical(labels, 10);
    return { data: c.data instanceof Floats ? c.data : Floats.from(c.data), shape: c.shape };
  };
  const yVal = oneHot(s.yVal);
  return {
    xTrain: { data: s.xTrain.data, shape: s.xTrain.shape },
    yTrain: oneHot(s.yTrain),
    xVal: owner.own(tensor(s.xVal.data, s.xVal.shape, ctx.dtype)),
    yVal: owner.own(tensor(yVal.data, yVal.shape, ctx.dtype)),
    labelsVal: owner.own(tensor(Int32Array.from(s.yVal), [s.yVal.length], 'int32')),
  };
}

function lossChart(ctx: RunContext, title: string, loss: readonly number[], valLoss: readonly number[]): void {
  ctx.plot('loss', lineChart({ title, yTitle: 'loss', series: [{ name: 'train_loss', values: loss }, { name: 'val_loss', values: valLoss }] }));
}

export const ch07MultiClass: Experiment = {
  id: 'ch07.multiclass',
  chapter: 7,
  title: 'MultiClassNetwork(units=100, batch_size=256), lr 0.1, 40 epochs, Fashion-MNIST 48000/12000',
  metric: 'val_accuracy',
  book: { kind: 'exact', value: 0.8150833333333334 },
  // The bound for other backends and float32: half a percentage point.
  tolerance: { abs: 0.005 },
  async prepare(dtype) {
    await fashionSplits(dtype);
  },
  async run(ctx) {
    const owner = new Disposer();
    try {
      const d = await upload(ctx, owner);
      const net = owner.own(new MultiClassNetwork(ctx.dtype, new RandomState(42), { units: 100, batchSize: 256 }));
      net.fit(d.xTrain, d.yTrain, {
        epochs: ctx.epochs ?? EPOCHS,
        xVal: d.xVal,
        yVal: d.yVal,
        onEpoch: (e, loss, valLoss) => ctx.log(`ch07.multiclass epoch ${e + 1}: loss ${loss.toFixed(4)}, val_loss ${valLoss.toFixed(4)}`),
      });
      lossChart(ctx, 'Ch07 MultiClassNetwork: loss per epoch', net.losses, net.valLosses);
      return { value: net.score(d.xVal, d.labelsVal), history: { loss: net.losses, val_loss: net.valLosses } };
    } finally {
      owner.dispose();
    }
  },
};

/** Logs Keras's per-epoch figures through the run context. */
class EpochLog extends Callback {
  constructor(private readonly ctx: RunContext) {
    super();
  }

  override onEpochEnd(epoch: number, logs: Logs): void {
    const parts = Object.entries(logs).map(([k, v]) => `${k} ${v.toFixed(4)}`);
    this.ctx.log(`ch07.keras_dense epoch ${epoch + 1}: ${parts.join(', ')}`);
  }
}

export const ch07KerasDense: Experiment = {
  id: 'ch07.keras_dense',
  chapter: 7,
  title: "Keras-style Dense(100, sigmoid) -> Dense(10, softmax), SGD 0.01, categorical crossentropy, 40 epochs, batch 32 (setSeed(42))",
  metric: 'val_accuracy',
  book: { kind: 'band', low: 0.861, high: 0.865 },
  tolerance: { abs: 0.005 },
  async prepare(dtype) {
    await fashionSplits(dtype);
  },
  async run(ctx) {
    const owner = new Disposer();
    try {
      const d = await upload(ctx, owner);
      setSeed(42);
      const model = owner.own(new Sequential({
        dtype: ctx.dtype,
        layers: [new Dense({ units: 100, activation: 'sigmoid', inputShape: [784] }), new Dense({ units: 10, activation: 'softmax' })],
      }));
      model.compile({ optimizer: new SGD({ learningRate: 0.01 }), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      const history = model.fit(d.xTrain, d.yTrain, {
        epochs: ctx.epochs ?? EPOCHS,
        batchSize: 32,
        validationData: [d.xVal, d.yVal],
        verbose: 0,
        callbacks: [new EpochLog(ctx)],
      });
      const h = history.history;
      lossChart(ctx, 'Ch07 Keras-style Dense model: loss per epoch', h.loss ?? [], h.val_loss ?? []);
      const evaluated = model.evaluate(d.xVal, d.yVal);
      return {
        value: evaluated.accuracy!,
        history: { loss: h.loss ?? [], val_loss: h.val_loss ?? [] },
        extras: { val_loss: evaluated.loss!, final_epoch_val_accuracy: h.val_accuracy?.at(-1) ?? NaN },
      };
    } finally {
      owner.dispose();
    }
  },
};
