import { data, RandomState, type DType } from 'dlts';
import type { Experiment, RunContext } from '../runner/experiment.js';
import { lineChart, pathChart, weightsChart, type Series } from '../plots/chart.js';
import { Disposer } from '../book/disposer.js';
import { uploadTable, type DeviceTable } from '../book/device_table.js';
import { SingleLayerCh05, type SingleLayerCh05Options } from '../book/single_layer_ch05.js';
import { fitStandardizer, standardize } from '../book/standardize.js';
import type { Table } from '../book/table.js';
import { cancerSplits } from './data.js';

/** One validation sample of the 91. */
const ONE_VAL_SAMPLE = { abs: 1 / 91 };

interface ScaledSplits {
  readonly train: Table;
  readonly val: Table;
  /** The validation rows left unscaled. */
  readonly valRaw: Table;
  readonly trainRaw: Table;
}

let scaled: Promise<ScaledSplits> | undefined;

/** Ch05's 364/91 split, standardised with the training rows' np.mean / np.std. */
function ch05Splits(): Promise<ScaledSplits> {
  scaled ??= (async () => {
    const s = await cancerSplits();
    const st = fitStandardizer(s.train.x);
    return {
      train: { x: standardize(s.train.x, st), y: s.train.y },
      val: { x: standardize(s.val.x, st), y: s.val.y },
      trainRaw: s.train,
      valRaw: s.val,
    };
  })();
  return scaled;
}

async function prepare(): Promise<void> {
  await ch05Splits();
}

/** The notebook's global numpy generator: SingleLayer.fit() reseeds it with 42 itself. */
function notebookRandom(): RandomState {
  return new RandomState(42);
}

function train(ctx: RunContext, owner: Disposer, t: DeviceTable, options: SingleLayerCh05Options, epochs: number, val?: DeviceTable, recordWeights = false): SingleLayerCh05 {
  const layer = owner.own(new SingleLayerCh05(ctx.dtype, notebookRandom(), options));
  layer.fit(t.x, t.labels, { epochs: ctx.epochs ?? epochs, ...(val ? { xVal: val.x, yVal: val.y } : {}), recordWeights });
  return layer;
}

function weightPath(ctx: RunContext, layer: SingleLayerCh05, title: string): void {
  if (!ctx.plotting) return;
  ctx.plot('weight_path', pathChart({
    title,
    xTitle: 'w[2] (mean perimeter)',
    yTitle: 'w[3] (mean area)',
    points: layer.wHistory.map((w) => ({ x: w[2]!, y: w[3]! })),
  }));
}

function finalWeights(layer: SingleLayerCh05): { w: number[]; b: number } {
  return { w: Array.from(layer.w!.dataSync()), b: layer.b!.dataSync()[0]! };
}

/** Runs `fn` with the splits uploaded in `dtype`, freeing everything afterwards. */
async function withSplits<T>(dtype: DType, fn: (owner: Disposer, s: { train: DeviceTable; val: DeviceTable; trainRaw: DeviceTable; valRaw: DeviceTable }) => T): Promise<T> {
  const s = await ch05Splits();
  const owner = new Disposer();
  try {
    return fn(owner, {
      train: uploadTable(s.train, dtype, owner),
      val: uploadTable(s.val, dtype, owner),
      trainRaw: uploadTable(s.trainRaw, dtype, owner),
      valRaw: uploadTable(s.valRaw, dtype, owner),
    });
  } finally {
    owner.dispose();
  }
}

export const ch05Unscaled: Experiment = {
  id: 'ch05.unscaled',
  chapter: 5,
  title: 'SingleLayer (Ch05) on unscaled features, lr 0.1, 100 epochs',
  metric: 'val_accuracy',
  book: { kind: 'exact', value: 0.9120879120879121 },
  tolerance: ONE_VAL_SAMPLE,
  prepare,
  run: (ctx) => withSplits(ctx.dtype, (owner, s) => {
    const layer = train(ctx, owner, s.trainRaw, {}, 100, undefined, ctx.plotting);
    weightPath(ctx, layer, 'Ch05 unscaled features: w[2] and w[3] after every update');
    return { value: layer.score(s.valRaw.x, s.valRaw.y), history: { loss: layer.losses } };
  }),
};

export const ch05Scaled: Experiment = {
  id: 'ch05.scaled',
  chapter: 5,
  title: 'SingleLayer (Ch05) on standardised features (train mean/std), 100 epochs',
  metric: 'val_accuracy',
  book: { kind: 'exact', value: 0.967032967032967 },
  tolerance: ONE_VAL_SAMPLE,
  prepare,
  run: (ctx) => withSplits(ctx.dtype, (owner, s) => {
    const layer = train(ctx, owner, s.train, {}, 100, undefined, ctx.plotting);
    weightPath(ctx, layer, 'Ch05 standardised features: w[2] and w[3] after every update');
    return { value: layer.score(s.val.x, s.val.y), history: { loss: layer.losses } };
  }),
};

export const ch05ValUnscaled: Experiment = {
  id: 'ch05.val_unscaled',
  chapter: 5,
  title: 'the standardised model scored on validation rows left unscaled (the book\'s warning)',
  metric: 'val_accuracy',
  book: { kind: 'exact', value: 0.37362637362637363 },
  tolerance: ONE_VAL_SAMPLE,
  prepare,
  run: (ctx) => withSplits(ctx.dtype, (owner, s) => {
    const layer = train(ctx, owner, s.train, {}, 100);
    return { value: layer.score(s.valRaw.x, s.valRaw.y), history: { loss: layer.losses } };
  }),
};

export const ch05Layer4: Experiment = {
  id: 'ch05.layer4',
  chapter: 5,
  title: 'learning curves over 100 epochs (validation loss lowest near epoch 20), then 20 epochs',
  metric: 'val_accuracy',
  book: { kind: 'exact', value: 0.989010989010989 },
  tolerance: ONE_VAL_SAMPLE,
  prepare,
  run: (ctx) => withSplits(ctx.dtype, (owner, s) => {
    const layer3 = train(ctx, owner, s.train, {}, 100, s.val);
    const best = layer3.valLosses.indexOf(Math.min(...layer3.valLosses));
    ctx.plot('learning_curve', lineChart({
      title: `Ch05 layer3: validation loss lowest at epoch ${best}`,
      yTitle: 'loss',
      series: [{ name: 'train_loss', values: layer3.losses }, { name: 'val_loss', values: layer3.valLosses }],
    }));
    const layer4 = train(ctx, owner, s.train, {}, 20);
    return {
      value: layer4.score(s.val.x, s.val.y),
      history: { loss: layer3.losses, val_loss: layer3.valLosses },
      extras: { val_loss_min_epoch: best },
    };
  }),
};

/** The book's l1 / l2 experiments: a sweep it plots (learning curves, weights), then the chosen strength. */
function regularised(kind: 'l1' | 'l2', chosen: number, epochs: number): Experiment {
  return {
    id: `ch05.${kind}`,
    chapter: 5,
    title: `${kind} = ${chosen}, ${epochs} epochs (after the ${kind} sweep 0.0001 / 0.001 / 0.01 the book plots)`,
    metric: 'val_accuracy',
    book: { kind: 'exact', value: 0.989010989010989 },
    tolerance: ONE_VAL_SAMPLE,
    prepare,
    run: (ctx) => withSplits(ctx.dtype, (owner, s) => {
      if (ctx.plotting) {
        const weights: Series[] = [];
        for (const strength of [0.0001, 0.001, 0.01]) {
          const lyr = train(ctx, owner, s.train, { [kind]: strength }, 100, s.val);
          ctx.plot(`learning_curve_${strength}`, lineChart({
            title: `Ch05 learning curve (${kind}=${strength})`,
            yTitle: 'loss',
            yMax: 0.3,
            series: [{ name: 'train_loss', values: lyr.losses }, { name: 'val_loss', values: lyr.valLosses }],
          }));
          weights.push({ name: `${kind}=${strength}`, values: finalWeights(lyr).w });
        }
        ctx.plot('weights', weightsChart({ title: `Ch05 weights after 100 epochs per ${kind} strength`, series: weights }));
      }
      const layer = train(ctx, owner, s.train, { [kind]: chosen }, epochs);
      const value = layer.score(s.val.x, s.val.y);
      return { value, history: { loss: layer.losses }, weights: finalWeights(layer), extras: { correct: Math.round(value * 91) } };
    }),
  };
}

export const ch05L1 = regularised('l1', 0.001, 20);
export const ch05L2 = regularised('l2', 0.01, 50);

export const ch05KFold: Experiment = {
  id: 'ch05.kfold',
  chapter: 5,
  title: '10-fold CV on the 455 rows (folds of 45, standardised per fold), l2 = 0.01, 50 epochs',
  metric: 'mean_val_accuracy',
  book: { kind: 'exact', value: 0.9777777777777779 },
  tolerance: { abs: 1 / 45 / 10 },
  prepare: async () => {
    await cancerSplits();
  },
  async run(ctx) {
    const { trainAll } = await cancerSplits();
    // The book's loop: bins = 455 // 10 rows per fold; the last 5 rows are always trained on.
    const folds = new data.KFold({ nSplits: 10, remainder: 'train' }).split(trainAll.y.length);
    const scores: number[] = [];
    for (const fold of folds) {
      const part = (idx: Int32Array) => ({ x: data.takeRows(trainAll.x, idx), y: Float64Array.from(idx, (i) => trainAll.y[i]!) });
      const tr = part(fold.train);
      const va = part(fold.test);
      const st = fitStandardizer(tr.x);
      const owner = new Disposer();
      try {
        const t = uploadTable({ x: standardize(tr.x, st), y: tr.y }, ctx.dtype, owner);
        const v = uploadTable({ x: standardize(va.x, st), y: va.y }, ctx.dtype, owner);
        const layer = train(ctx, owner, t, { l2: 0.01 }, 50);
        scores.push(layer.score(v.x, v.y));
      } finally {
        owner.dispose();
      }
    }
    return {
      value: data.numpyMean(scores),
      history: { loss: [] },
      extras: Object.fromEntries(scores.map((s, i) => [`fold${i}`, s])),
    };
  },
};
