import { RandomState, tensor, type Tensor } from 'dlts';
import type { Experiment, RunContext } from '../runner/experiment.js';
import { lineChart } from '../plots/chart.js';
import { Disposer } from '../book/disposer.js';
import { DualLayer } from '../book/dual_layer.js';
import { MinibatchNetwork } from '../book/minibatch_network.js';
import { RandomInitNetwork } from '../book/random_init_network.js';
import { SingleLayerCh06 } from '../book/single_layer_ch06.js';
import type { Table } from '../book/table.js';
import { MlpClassifier } from '../sklearn/mlp_classifier.js';
import { ch06Splits } from './data.js';

const ONE_VAL_SAMPLE = { abs: 1 / 91 };
const BOOK_VALUE = 0.978021978021978;

async function prepare(): Promise<void> {
  await ch06Splits();
}

interface Columns {
  readonly x: Tensor;
  /** [rows, 1]: the book reshapes targets to a column. */
  readonly y: Tensor;
}

function upload(t: Table, ctx: RunContext, owner: Disposer): Columns {
  return { x: owner.own(tensor(t.x.data, t.x.shape, ctx.dtype)), y: owner.own(tensor(t.y, [t.y.length, 1], ctx.dtype)) };
}

/** A Ch06 network trained on the scaled 364 rows with validation losses, scored on the 91. */
function ch06Experiment(id: string, title: string, epochs: number, make: (ctx: RunContext) => SingleLayerCh06): Experiment {
  return {
    id,
    chapter: 6,
    title,
    metric: 'val_accuracy',
    book: { kind: 'exact', value: BOOK_VALUE },
    tolerance: ONE_VAL_SAMPLE,
    prepare,
    async run(ctx) {
      const s = await ch06Splits();
      const owner = new Disposer();
      try {
        const train = upload(s.train, ctx, owner);
        const val = upload(s.val, ctx, owner);
        const net = owner.own(make(ctx));
        net.fit(train.x, train.y, { epochs: ctx.epochs ?? epochs, xVal: val.x, yVal: val.y });
        ctx.plot('loss', lineChart({
          title: `Ch06 ${id.slice(5)}: loss per epoch`,
          yTitle: 'loss',
          yMax: 0.3,
          series: [{ name: 'train_loss', values: net.losses }, { name: 'val_loss', values: net.valLosses }],
        }));
        return { value: net.score(val.x, val.y), history: { loss: net.losses, val_loss: net.valLosses } };
      } finally {
        owner.dispose();
      }
    },
  };
}

/** The notebook's global numpy generator; the networks seed it themselves. */
const np = () => new RandomState(42);

export const ch06SingleLayer = ch06Experiment('ch06.single_layer', 'vectorised SingleLayer, full batch, w = ones, l2 = 0.01, 10000 epochs', 10000, (ctx) => new SingleLayerCh06(ctx.dtype, { l2: 0.01 }));
export const ch06DualLayer = ch06Experiment('ch06.dual_layer', 'DualLayer(units=10), w1, w2 = ones, l2 = 0.01, 20000 epochs', 20000, (ctx) => new DualLayer(ctx.dtype, 10, { l2: 0.01 }));
export const ch06RandomInit = ch06Experiment('ch06.random_init', 'RandomInitNetwork: seed 42, w ~ N(0, 1), l2 = 0.01, 500 epochs', 500, (ctx) => new RandomInitNetwork(ctx.dtype, np(), 10, { l2: 0.01 }));
export const ch06Minibatch32 = ch06Experiment('ch06.minibatch32', 'MinibatchNetwork(batch_size=32), l2 = 0.01, 500 epochs', 500, (ctx) => new MinibatchNetwork(ctx.dtype, np(), 10, 32, { l2: 0.01 }));
export const ch06Minibatch128 = ch06Experiment('ch06.minibatch128', 'MinibatchNetwork(batch_size=128), l2 = 0.01, 500 epochs', 500, (ctx) => new MinibatchNetwork(ctx.dtype, np(), 10, 128, { l2: 0.01 }));

/** The notebook's sklearn MLPClassifier (unseeded there; random_state=42 here), as a dlts model. */
export const ch06MlpClassifier: Experiment = {
  id: 'ch06.mlp_classifier',
  chapter: 6,
  title: "MLPClassifier((10,), 'logistic', 'sgd', alpha=0.01, batch_size=32, lr 0.1, max_iter=1000, random_state=42)",
  metric: 'val_accuracy',
  book: { kind: 'band', low: 0.978, high: 0.989 },
  tolerance: ONE_VAL_SAMPLE,
  prepare,
  async run(ctx) {
    const s = await ch06Splits();
    const owner = new Disposer();
    try {
      const train = upload(s.train, ctx, owner);
      const val = upload(s.val, ctx, owner);
      const mlp = owner.own(new MlpClassifier(ctx.dtype, {
        hiddenUnits: 10, alpha: 0.01, batchSize: 32, learningRateInit: 0.1, maxIter: ctx.epochs ?? 1000, randomState: 42,
      }));
      mlp.fit(train.x, train.y);
      ctx.plot('loss', lineChart({ title: `MLPClassifier: loss per epoch (stopped after ${mlp.nIter})`, yTitle: 'loss', series: [{ name: 'train_loss', values: mlp.losses }] }));
      return { value: mlp.score(val.x, val.y), history: { loss: mlp.losses }, extras: { n_iter: mlp.nIter } };
    } finally {
      owner.dispose();
    }
  },
};
