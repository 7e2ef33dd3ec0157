/** Small models that must learn: outcomes asserted, seeds fixed. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as dl from '../../src/index.js';

beforeAll(async () => {
  await dl.setBackend('cpu');
});

function last(h: dl.History, key: string): number {
  return h.history[key]!.at(-1)!;
}

describe('models learn', () => {
  it('Dense recovers known linear weights (y = 2 x0 - 3 x1 + 0.5)', () => {
    dl.setSeed(1);
    const rng = new dl.RandomState(2);
    const xs = rng.uniform(-1, 1, [256 * 2]) as Float64Array;
    const ys = Float64Array.from({ length: 256 }, (_, i) => 2 * xs[2 * i]! - 3 * xs[2 * i + 1]! + 0.5);
    const x = dl.tensor(xs, [256, 2]);
    const y = dl.tensor(ys, [256, 1]);
    const model = new dl.Sequential({ layers: [new dl.Dense({ units: 1, inputShape: [2] })] });
    model.compile({ optimizer: new dl.SGD({ learningRate: 0.1 }), loss: 'meanSquaredError' });
    model.fit(x, y, { epochs: 60, batchSize: 16, verbose: 0, seed: 3 });
    const [w0, w1] = Array.from(model.layers[0]!.weights[0]!.dataSync());
    const [b] = Array.from(model.layers[0]!.weights[1]!.dataSync());
    expect(w0).toBeCloseTo(2, 3);
    expect(w1).toBeCloseTo(-3, 3);
    expect(b).toBeCloseTo(0.5, 3);
    dl.dispose([x, y]);
    model.dispose();
  });

  it('an MLP solves XOR', () => {
    dl.setSeed(4);
    const x = dl.tensor([[0, 0], [0, 1], [1, 0], [1, 1]]);
    const y = dl.tensor([[0], [1], [1], [0]]);
    const model = new dl.Sequential({ layers: [new dl.Dense({ units: 8, activation: 'tanh', inputShape: [2] }), new dl.Dense({ units: 1, activation: 'sigmoid' })] });
    model.compile({ optimizer: new dl.Adam({ learningRate: 0.05 }), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
    const h = model.fit(x, y, { epochs: 200, batchSize: 4, verbose: 0 });
    expect(last(h, 'accuracy')).toBe(1);
    expect(last(h, 'loss')).toBeLessThan(0.05);
    dl.dispose([x, y]);
    model.dispose();
  });

  it('a small Conv2D net tells vertical from horizontal bars', () => {
    dl.setSeed(5);
    const rng = new dl.RandomState(6);
    const n = 200;
    const size = 8;
    const images = new Float32Array(n * size * size);
    const labels = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) {
      const vertical = i % 2;
      const at = rng.randint(0, size) as number;
      for (let r = 0; r < size; r++) {
        for (let c = 0; c < size; c++) {
          const on = vertical ? c === at : r === at;
          images[(i * size + r) * size + c] = (on ? 1 : 0) + 0.1 * (rng.random() as number);
        }
      }
      labels[i * 2 + vertical] = 1;
    }
    const x = dl.tensor(images, [n, size, size, 1]);
    const y = dl.tensor(labels, [n, 2]);
    const model = new dl.Sequential({
      layers: [
        new dl.Conv2D({ filters: 4, kernelSize: 3, activation: 'relu', padding: 'same', inputShape: [size, size, 1] }),
        new dl.MaxPooling2D({ poolSize: 2 }),
        new dl.Flatten(),
        new dl.Dense({ units: 2, activation: 'softmax' }),
      ],
    });
    model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const h = model.fit(x, y, { epochs: 15, batchSize: 20, validationSplit: 0.25, verbose: 0, seed: 7 });
    expect(last(h, 'val_accuracy')).toBeGreaterThanOrEqual(0.95);
    dl.dispose([x, y]);
    model.dispose();
  });

  /** Sequences of +-1 steps; the label is whether the running sum ends above zero. */
  function runningSumData(seed: number, n: number, t: number): { x: dl.Tensor; y: dl.Tensor } {
    const rng = new dl.RandomState(seed);
    const xs = new Float32Array(n * t);
    const ys = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < t; k++) {
        const v = (rng.random() as number) < 0.5 ? -1 : 1;
        xs[i * t + k] = v;
        s += v;
      }
      ys[i] = s > 0 ? 1 : 0;
    }
    return { x: dl.tensor(xs, [n, t, 1]), y: dl.tensor(ys, [n, 1]) };
  }

  for (const kind of ['SimpleRNN', 'LSTM'] as const) {
    it(`${kind} learns the sign of a running sum (> 95% validation accuracy)`, () => {
      dl.setSeed(8);
      const train = runningSumData(9, 600, 9);
      const val = runningSumData(10, 200, 9);
      const rnn = kind === 'LSTM' ? new dl.LSTM({ units: 8, inputShape: [9, 1] }) : new dl.SimpleRNN({ units: 8, inputShape: [9, 1] });
      const model = new dl.Sequential({ layers: [rnn, new dl.Dense({ units: 1, activation: 'sigmoid' })] });
      model.compile({ optimizer: new dl.Adam({ learningRate: 0.02 }), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
      const h = model.fit(train.x, train.y, { epochs: 25, batchSize: 32, validationData: [val.x, val.y], verbose: 0, seed: 11 });
      expect(last(h, 'val_accuracy')).toBeGreaterThan(0.95);
      dl.dispose([train.x, train.y, val.x, val.y]);
      model.dispose();
    });
  }
});
