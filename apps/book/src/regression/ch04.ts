import { RandomState } from 'dlts';
import type { Experiment } from '../runner/experiment.js';
import { lineChart } from '../plots/chart.js';
import { Disposer } from '../book/disposer.js';
import { uploadTable } from '../book/device_table.js';
import { LogisticNeuron } from '../book/logistic_neuron.js';
import { SingleLayerCh04 } from '../book/single_layer_ch04.js';
import { rows } from '../book/table.js';
import { cancerSplits } from './data.js';

const EPOCHS = 100;
/** One test sample of the 114. */
const ONE_TEST_SAMPLE = { abs: 1 / 114 };

async function prepare(): Promise<void> {
  await cancerSplits();
}

/** Ch04: LogisticNeuron on the unscaled 455 training rows, scored on the 114 test rows. */
export const ch04LogisticNeuron: Experiment = {
  id: 'ch04.logistic_neuron',
  chapter: 4,
  title: 'LogisticNeuron: w = 1, b = 0, per sample in order, 100 epochs, a > 0.5',
  metric: 'test_accuracy',
  book: { kind: 'exact', value: 0.8245614035087719 },
  tolerance: ONE_TEST_SAMPLE,
  prepare,
  async run(ctx) {
    const s = await cancerSplits();
    const owner = new Disposer();
    try {
      const train = uploadTable(s.trainAll, ctx.dtype, owner);
      const test = uploadTable(s.test, ctx.dtype, owner);
      const neuron = owner.own(new LogisticNeuron(ctx.dtype));
      neuron.fit(train.x, train.labels, ctx.epochs ?? EPOCHS);
      return { value: neuron.score(test.x, test.y), history: { loss: [] } };
    } finally {
      owner.dispose();
    }
  },
};

/** Ch04: SingleLayer, the same plus a permutation per epoch from the notebook's np.random.seed(42). */
export const ch04SingleLayer: Experiment = {
  id: 'ch04.single_layer',
  chapter: 4,
  title: 'SingleLayer (Ch04): shuffled each epoch, mean log loss, 100 epochs, z > 0',
  metric: 'test_accuracy',
  book: { kind: 'exact', value: 0.9298245614035088 },
  tolerance: ONE_TEST_SAMPLE,
  prepare,
  async run(ctx) {
    const s = await cancerSplits();
    const owner = new Disposer();
    try {
      const train = uploadTable(s.trainAll, ctx.dtype, owner);
      const test = uploadTable(s.test, ctx.dtype, owner);
      // The notebook seeds numpy once at its top; nothing else draws before this fit.
      const layer = owner.own(new SingleLayerCh04(ctx.dtype, new RandomState(42)));
      layer.fit(train.x, train.labels, ctx.epochs ?? EPOCHS);
      ctx.plot('loss', lineChart({ title: `Ch04 SingleLayer: mean log loss per epoch (${rows(s.trainAll)} samples)`, yTitle: 'loss', series: [{ name: 'train', values: layer.losses }] }));
      return { value: layer.score(test.x, test.y), history: { loss: layer.losses } };
    } finally {
      owner.dispose();
    }
  },
};
