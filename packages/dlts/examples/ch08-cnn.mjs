#!/usr/bin/env node
/**
 * The book's Ch08 Keras CNN on Fashion-MNIST: Conv2D(10, 3x3, relu, same) -> MaxPooling2D(2x2) ->
 * Flatten -> Dense(100, relu) -> Dense(10, softmax), Adam, batch 32, on the book's split
 * (stratified 0.2, seed 42 -> 48,000 / 12,000).
 *
 *   node packages/dlts/examples/ch08-cnn.mjs [--backend cpu] [--epochs 1] [--dropout]
 *
 * The data are found as @dlts/data describes (DLTS_DATA_DIR, the cache, /usr/share/datasets, or a
 * verified download).
 */
import { parseArgs } from 'node:util';
import * as dl from 'dlts';

const { values: args } = parseArgs({
  options: {
    backend: { type: 'string' },
    epochs: { type: 'string', default: '1' },
    dropout: { type: 'boolean', default: false },
    seed: { type: 'string', default: '42' },
  },
});

const { choice } = await dl.ready(args.backend ? { backend: args.backend } : {});
console.log(`backend: ${choice.name} (${choice.source})`);

let t = performance.now();
const fm = await dl.data.loadFashionMnist({ dtype: 'float32' });
const split = dl.data.trainTestSplit({ x: fm.xTrain, y: fm.yTrain }, { testSize: 0.2, stratify: fm.yTrain.data, seed: 42 });
const images = (a) => dl.tensor(a.data, [a.shape[0], 28, 28, 1]);
const onehot = (a) => dl.data.toTensor(dl.data.toCategorical(a, 10));
const [xTrain, yTrain, xVal, yVal] = [images(split.train.x), onehot(split.train.y), images(split.test.x), onehot(split.test.y)];
console.log(`data: ${xTrain.shape[0]} train / ${xVal.shape[0]} validation images (${((performance.now() - t) / 1e3).toFixed(1)} s)`);

dl.setSeed(Number(args.seed));
const model = new dl.Sequential({
  layers: [
    new dl.Conv2D({ filters: 10, kernelSize: [3, 3], activation: 'relu', padding: 'same', inputShape: [28, 28, 1] }),
    new dl.MaxPooling2D({ poolSize: [2, 2] }),
    new dl.Flatten(),
    ...(args.dropout ? [new dl.Dropout({ rate: 0.5 })] : []),
    new dl.Dense({ units: 100, activation: 'relu' }),
    new dl.Dense({ units: 10, activation: 'softmax' }),
  ],
});
model.summary();
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

const epochTimes = [];
class EpochTimer extends dl.Callback {
  onEpochBegin() { t = performance.now(); }
  onEpochEnd() { epochTimes.push((performance.now() - t) / 1e3); }
}
const history = model.fit(xTrain, yTrain, {
  epochs: Number(args.epochs), batchSize: 32, validationData: [xVal, yVal], seed: Number(args.seed),
  verbose: process.stdout.isTTY ? 1 : 2, callbacks: [new EpochTimer()],
});
const last = (k) => history.history[k].at(-1);
console.log(JSON.stringify({
  backend: choice.name, epochs: history.epoch.length,
  secondsPerEpoch: epochTimes.map((s) => Number(s.toFixed(1))),
  loss: last('loss'), accuracy: last('accuracy'), val_loss: last('val_loss'), val_accuracy: last('val_accuracy'),
}));
dl.dispose([xTrain, yTrain, xVal, yVal]);
model.dispose();
await dl.shutdownBackends();
