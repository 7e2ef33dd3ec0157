import * as dl from '@dlts/core';
import { describe, expect, it } from 'vitest';
import { createTfjsBackend, type TfjsBackend } from '../src/index.js';

/**
 * The done-when check: a small Conv2D + Embedding model trains on tfjs-wasm through dlts.
 * tfjs-backend-wasm lacks Conv2DBackpropFilter and UnsortedSegmentSum (gather's gradient), and its
 * MaxPoolGrad breaks ties the other way, so every step runs all three of the adapter's fills.
 *
 * Data (seeded): 3 classes. An image [8, 8, 1] of noise with a bright 3x3 patch in the class's
 * corner; a sequence of 6 token ids drawn mostly from the class's third of a 30-word vocabulary.
 * Model: conv 3x3 'same' (4 filters) -> relu -> maxPool 2x2 -> flatten [64], concatenated with
 * the mean of the token embeddings [8] -> dense [72 -> 3] -> log-softmax cross-entropy.
 */
const CLASSES = 3;
const BATCH = 24;
const SIDE = 8;
const SEQ = 6;
const VOCAB = 30;
const EMBED = 8;
const FILTERS = 4;
const STEPS = 40;
const LEARNING_RATE = 0.1;

function syntheticBatch(rng: dl.RandomState): { images: Float32Array; ids: Int32Array; labels: Float32Array; classes: number[] } {
  const images = new Float32Array(BATCH * SIDE * SIDE);
  const ids = new Int32Array(BATCH * SEQ);
  const labels = new Float32Array(BATCH * CLASSES);
  const classes: number[] = [];
  const noise = rng.uniform(0, 0.3, [BATCH * SIDE * SIDE]);
  for (let b = 0; b < BATCH; b++) {
    const c = b % CLASSES;
    classes.push(c);
    labels[b * CLASSES + c] = 1;
    const [top, left] = [[0, 0], [0, SIDE - 3], [SIDE - 3, 0]][c]!;
    for (let i = 0; i < SIDE * SIDE; i++) images[b * SIDE * SIDE + i] = noise[b * SIDE * SIDE + i]!;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) images[b * SIDE * SIDE + (top + i) * SIDE + left + j]! += 1;
    for (let t = 0; t < SEQ; t++) {
      // Four tokens in five come from the class's own third of the vocabulary.
      const own = rng.random() < 0.8;
      const third = VOCAB / CLASSES;
      ids[b * SEQ + t] = own ? c * third + rng.randint(0, third) : rng.randint(0, VOCAB);
    }
  }
  return { images, ids, labels, classes };
}

describe('training on tfjs-wasm', () => {
  it('a Conv2D + Embedding model trained with SGD lowers its loss by a clear margin, leaking nothing', async () => {
    dl.registerBackend('tfjs-train', () => createTfjsBackend({ engine: 'wasm' }));
    const backend = (await dl.setBackend('tfjs-train')) as TfjsBackend;
    expect([...backend.plan.fills].sort()).toEqual(['Conv2DBackpropFilter', 'MaxPoolGrad', 'UnsortedSegmentSum']);
    const before = dl.memory();
    const rng = new dl.RandomState(7);
    const data = syntheticBatch(rng);
    const images = dl.tensor(data.images, [BATCH, SIDE, SIDE, 1]);
    const ids = dl.tensor(data.ids, [BATCH, SEQ], 'int32');
    const labels = dl.tensor(data.labels, [BATCH, CLASSES]);

    // A variable holds its own reference to the initial value, which is disposed at once.
    const init = (initial: dl.Tensor): dl.Variable => {
      const v = dl.variable(initial);
      initial.dispose();
      return v;
    };
    const normal = (shape: number[], scale: number) => init(dl.tensor(rng.normal(0, scale, shape), shape, 'float32'));
    const filter = normal([3, 3, 1, FILTERS], 0.3);
    const embedding = normal([VOCAB, EMBED], 0.3);
    const weights = normal([(SIDE / 2) * (SIDE / 2) * FILTERS + EMBED, CLASSES], 0.1);
    const bias = init(dl.zeros([CLASSES]));
    const params = [filter, embedding, weights, bias];

    const loss = (): dl.Tensor => {
      const conv = dl.maxPool(dl.relu(dl.conv2d(images, filter, 1, 'same')), 2, 2, 'valid');
      const tokens = dl.mean(dl.gather(embedding, ids), 1);
      const logits = dl.add(dl.matMul(dl.concat([dl.flatten(conv), tokens], 1), weights), bias);
      return dl.neg(dl.mean(dl.sum(dl.mul(labels, dl.logSoftmax(logits)), 1)));
    };

    const losses: number[] = [];
    for (let step = 0; step < STEPS; step++) {
      dl.tidy(() => {
        const { value, grads } = dl.variableGrads(loss, params);
        losses.push(value.dataSync()[0]!);
        for (const v of params) v.assign(dl.sub(v, dl.mul(grads.get(v)!, LEARNING_RATE)));
      });
    }

    console.log(`tfjs-wasm training loss, every 10th step: ${losses.filter((_, i) => i % 10 === 0 || i === STEPS - 1).map((l) => l.toFixed(4)).join(', ')}`);
    // Chance level is ln 3 ~ 1.10; the loss must fall well below both it and its start.
    expect(losses[0]).toBeGreaterThan(0.9);
    expect(losses[STEPS - 1]!).toBeLessThan(0.1 * losses[0]!);
    expect(losses.every(Number.isFinite)).toBe(true);

    dl.dispose([images, ids, labels, ...params]);
    const after = dl.memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBuffers).toBe(before.numBuffers);
    expect(after.numBytes).toBe(before.numBytes);
  });
});
