/** fit()'s contract: History, determinism, dtype agreement, memory, validation, callbacks, progress. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as dl from '../../src/index.js';

beforeAll(async () => {
  await dl.setBackend('cpu');
});

function data(dtype: dl.DType = 'float32') {
  const rng = new dl.RandomState(1);
  const xs = rng.uniform(-1, 1, [120 * 4]) as Float64Array;
  const ys = Float64Array.from({ length: 120 }, (_, i) => (xs[4 * i]! + xs[4 * i + 1]! * xs[4 * i + 2]! > 0 ? 1 : 0));
  return { x: dl.tensor(xs, [120, 4], dtype), y: dl.tensor(ys, [120, 1], dtype) };
}

function mlp(dtype: dl.DType = 'float32'): dl.Sequential {
  dl.setSeed(42);
  const m = new dl.Sequential({
    dtype,
    layers: [new dl.Dense({ units: 6, activation: 'relu', inputShape: [4] }), new dl.Dropout({ rate: 0.2 }), new dl.Dense({ units: 1, activation: 'sigmoid' })],
  });
  m.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return m;
}

describe('fit', () => {
  it('returns per-epoch loss, accuracy, val_loss and val_accuracy', () => {
    const { x, y } = data();
    const m = mlp();
    const h = m.fit(x, y, { epochs: 3, batchSize: 16, validationSplit: 0.25, verbose: 0, seed: 1 });
    expect(Object.keys(h.history).sort()).toEqual(['accuracy', 'loss', 'val_accuracy', 'val_loss']);
    expect(h.epoch).toEqual([0, 1, 2]);
    for (const v of Object.values(h.history)) expect(v).toHaveLength(3);
    // 30 validation samples: accuracies are multiples of 1/30.
    for (const a of h.history['val_accuracy']!) expect(Math.abs(a * 30 - Math.round(a * 30))).toBeLessThan(1e-4);
    dl.dispose([x, y]);
    m.dispose();
  });

  it('gives the same History for the same seed, twice', () => {
    const runs = [0, 1].map(() => {
      const { x, y } = data();
      const m = mlp();
      const h = m.fit(x, y, { epochs: 4, batchSize: 16, validationSplit: 0.2, verbose: 0, seed: 5 });
      dl.dispose([x, y]);
      m.dispose();
      return h.history;
    });
    expect(runs[1]).toEqual(runs[0]);
  });

  it('float32 and float64 curves agree to float32 rounding', () => {
    const [h32, h64] = (['float32', 'float64'] as const).map((dtype) => {
      const { x, y } = data(dtype);
      const m = mlp(dtype);
      const h = m.fit(x, y, { epochs: 4, batchSize: 16, verbose: 0, seed: 5 });
      dl.dispose([x, y]);
      m.dispose();
      return h.history['loss']!;
    });
    h32!.forEach((v, i) => expect(Math.abs(v - h64![i]!) / h64![i]!).toBeLessThan(1e-5));
    expect(h32).not.toEqual(h64); // really two precisions
  });

  it('leaves only the weights and the optimizer state alive', () => {
    const { x, y } = data();
    const before = dl.memory().numTensors;
    const m = mlp();
    const weights = m.weights.length;
    m.fit(x, y, { epochs: 2, batchSize: 32, validationData: [x, y], verbose: 0 });
    expect(dl.memory().numTensors).toBe(before + weights + m.optimizer!.weights.length);
    expect(m.optimizer!.weights.length).toBe(2 * weights); // Adam: m and v per weight
    m.dispose();
    expect(dl.memory().numTensors).toBe(before);
    dl.dispose([x, y]);
  });

  it('trains on host arrays (uploaded batch by batch) exactly as on tensors', () => {
    const { x, y } = data('float64');
    const host = (t: dl.Tensor): dl.HostArray => ({ data: t.dataSync() as Float64Array, shape: t.shape });
    const before = dl.memory().numTensors;
    const [onTensors, onHost] = [[x, y], [host(x), host(y)]].map(([xs, ys]) => {
      const m = mlp('float64');
      const h = m.fit(xs!, ys!, { epochs: 3, batchSize: 16, validationSplit: 0.25, verbose: 0, seed: 2 });
      const scores = m.evaluate(xs!, ys!);
      const p = m.predict(xs!);
      const firstPrediction = p.dataSync()[0];
      p.dispose();
      m.dispose();
      return { history: h.history, scores, firstPrediction };
    });
    expect(onHost).toEqual(onTensors);
    expect(onHost!.history['val_loss']).toHaveLength(3);
    expect(dl.memory().numTensors).toBe(before);
    dl.dispose([x, y]);
  });

  it('names what is wrong with a host array', () => {
    const m = mlp();
    const y: dl.HostArray = { data: new Float32Array(10), shape: [10, 1] };
    expect(() => m.fit({ data: new Uint8Array(40) as unknown as Float32Array, shape: [10, 4] }, y, { verbose: 0 }))
      .toThrow("fit (x): a host array's data must be a Float32Array, Float64Array or Int32Array, got Uint8Array");
    expect(() => m.fit({ data: new Float32Array(39), shape: [10, 4] }, y, { verbose: 0 }))
      .toThrow('fit (x): a host array of shape [10,4] needs 40 values, its data has 39');
    expect(() => m.predict({ data: new Float32Array(8), shape: [] })).toThrow("predict: a host array's shape must list the samples first and be non-negative integers, got []");
    m.dispose();
  });

  it('EarlyStopping stops after `patience` epochs without improvement (Keras: wait >= patience)', () => {
    const { x, y } = data();
    dl.setSeed(3);
    const m = new dl.Sequential({ layers: [new dl.Dense({ units: 1, activation: 'sigmoid', inputShape: [4] })] });
    m.compile({ optimizer: new dl.SGD({ learningRate: 0 }), loss: 'binaryCrossentropy' }); // the loss never improves
    const stop = new dl.EarlyStopping({ monitor: 'loss', patience: 2 });
    const h = m.fit(x, y, { epochs: 20, batchSize: 120, verbose: 0, callbacks: [stop] });
    expect(h.epoch).toEqual([0, 1, 2]);
    expect(stop.stoppedEpoch).toBe(2);
    expect(() => m.fit(x, y, { epochs: 1, verbose: 0, callbacks: [new dl.EarlyStopping({ monitor: 'val_auc' })] })).toThrow(/'val_auc' is not in the epoch logs/);
    dl.dispose([x, y]);
    m.dispose();
  });

  it('EarlyStopping restores the weights of the best epoch', () => {
    const { x, y } = data();
    dl.setSeed(3);
    const m = new dl.Sequential({ layers: [new dl.Dense({ units: 1, activation: 'sigmoid', inputShape: [4] })] });
    m.compile({ optimizer: new dl.SGD({ learningRate: 0.5 }), loss: 'binaryCrossentropy' });
    const seen: number[][] = [];
    class Record extends dl.Callback {
      override onEpochEnd(): void {
        seen.push(Array.from(m.weights[0]!.dataSync()));
      }
    }
    // mode 'max' on a falling loss: epoch 0 stays the best, training stops at epoch 1.
    const stop = new dl.EarlyStopping({ monitor: 'loss', mode: 'max', patience: 1, restoreBestWeights: true });
    m.fit(x, y, { epochs: 10, batchSize: 120, verbose: 0, callbacks: [new Record(), stop] });
    expect(stop.stoppedEpoch).toBe(1);
    expect(seen[1]).not.toEqual(seen[0]);
    expect(Array.from(m.weights[0]!.dataSync())).toEqual(seen[0]);
    dl.dispose([x, y]);
    m.dispose();
  });

  it('draws a Keras progress line on a TTY and stays quiet elsewhere', () => {
    const { x, y } = data();
    const m = mlp();
    const tty = { out: '', isTTY: true, write(s: string) { this.out += s; } };
    m.fit(x, y, { epochs: 2, batchSize: 40, verbose: 'auto', stream: tty });
    expect(tty.out).toMatch(/^Epoch 1\/2\n/);
    expect(tty.out).toMatch(/\r3\/3 \[==============================\] - \d+s \d+(ms|us)\/step - loss: [\d.]+ - accuracy: [\d.]+\x1b\[K\nEpoch 2\/2\n/);
    const pipe = { out: '', isTTY: false, write(s: string) { this.out += s; } };
    m.fit(x, y, { epochs: 1, batchSize: 40, stream: pipe });
    expect(pipe.out).toBe('');
    m.fit(x, y, { epochs: 1, batchSize: 40, verbose: 0, stream: tty });
    const lines = { out: '', isTTY: false, write(s: string) { this.out += s; } };
    m.fit(x, y, { epochs: 1, batchSize: 40, verbose: 2, stream: lines });
    expect(lines.out).toMatch(/^Epoch 1\/1\n3\/3 \[=+\] - \d+s \d+(ms|us)\/step - loss: [\d.]+ - accuracy: [\d.]+\n$/);
    dl.dispose([x, y]);
    m.dispose();
  });

  it('adds weight penalties to the loss (Keras: l1 * sum|w| + l2 * sum w^2)', () => {
    const { x, y } = data('float64');
    dl.setSeed(6);
    const dense = new dl.Dense({ units: 1, activation: 'sigmoid', inputShape: [4], kernelRegularizer: dl.l1l2({ l1: 0.01, l2: 0.1 }) });
    const m = new dl.Sequential({ dtype: 'float64', layers: [dense] });
    m.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy' });
    const w = Array.from(dense.weights[0]!.dataSync());
    const b = dense.weights[1]!.dataSync()[0]!;
    const xs = x.dataSync();
    const ys = y.dataSync();
    let bce = 0;
    for (let i = 0; i < 120; i++) {
      const z = w.reduce((s, wk, k) => s + wk * xs[4 * i + k]!, b);
      const p = 1 / (1 + Math.exp(-z));
      bce -= ys[i]! ? Math.log(p) : Math.log(1 - p);
    }
    const penalty = 0.01 * w.reduce((s, v) => s + Math.abs(v), 0) + 0.1 * w.reduce((s, v) => s + v * v, 0);
    expect(m.evaluate(x, y, { batchSize: 120 })['loss']).toBeCloseTo(bce / 120 + penalty, 12);
    dl.dispose([x, y]);
    m.dispose();
  });

  it('rejects mismatched inputs with errors that name the shapes', () => {
    const { x, y } = data();
    const m = mlp();
    const short = dl.slice(y, [0, 0], [10, 1]);
    expect(() => m.fit(x, short, { verbose: 0 })).toThrow('fit: x [120,4] and y [10,1] have different numbers of samples');
    const wide = dl.zeros([5, 3]);
    expect(() => m.predict(wide)).toThrow(/input \[5,3\] does not match the model's input shape \(None, 4\)/);
    const fresh = new dl.Sequential({ layers: [new dl.Dense({ units: 1, inputShape: [4] })] });
    expect(() => fresh.fit(x, y)).toThrow(/call compile\(\{optimizer, loss\}\) first/);
    dl.dispose([x, y, short, wide]);
    m.dispose();
    fresh.dispose();
  });
});
