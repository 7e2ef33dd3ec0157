/**
 * Losses, metrics, optimizers and initializers against values worked out by hand from Keras's
 * documented formulas (plain arithmetic here, not the library's code).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as dl from '../../src/index.js';

beforeAll(async () => {
  await dl.setBackend('cpu');
});

const v = (t: dl.Tensor) => {
  const out = t.dataSync()[0]!;
  t.dispose();
  return out;
};
const t64 = (values: number[][]) => dl.tensor(values, undefined, 'float64');

describe('losses', () => {
  it('meanSquaredError and binaryCrossentropy (probabilities and logits)', () => {
    const y = t64([[0, 1], [1, 1]]);
    const p = t64([[0.2, 0.7], [0.9, 0.4]]);
    expect(v(dl.meanSquaredError(y, p))).toBeCloseTo((0.04 + 0.09 + 0.01 + 0.36) / 4, 14);
    const bce = -(Math.log(0.8) + Math.log(0.7) + Math.log(0.9) + Math.log(0.4)) / 4;
    expect(v(dl.binaryCrossentropy(y, p))).toBeCloseTo(bce, 14);
    const logits = t64([[-1.3862943611198906, 0.8472978603872037], [2.1972245773362196, -0.4054651081081643]]); // logit of p
    expect(v(dl.binaryCrossentropy(y, logits, { fromLogits: true }))).toBeCloseTo(bce, 12);
    // Keras clips probabilities at 1e-7: a confident wrong answer costs -log(1e-7), not Infinity.
    const zero = t64([[0]]);
    const one = t64([[1]]);
    expect(v(dl.binaryCrossentropy(one, zero))).toBeCloseTo(-Math.log(1e-7), 6);
    dl.dispose([y, p, logits, zero, one]);
  });

  it('categorical and sparse categorical crossentropy agree and match -mean(log p[label])', () => {
    const p = t64([[0.1, 0.7, 0.2], [0.5, 0.25, 0.25]]);
    const onehot = t64([[0, 1, 0], [0, 0, 1]]);
    const labels = dl.tensor([1, 2], [2], 'int32');
    const want = -(Math.log(0.7) + Math.log(0.25)) / 2;
    expect(v(dl.categoricalCrossentropy(onehot, p))).toBeCloseTo(want, 14);
    expect(v(dl.sparseCategoricalCrossentropy(labels, p))).toBeCloseTo(want, 14);
    const logits = t64([[1, 3, 0.5], [2, -1, 0]]);
    const lse = (r: number[]) => Math.log(r.reduce((s, z) => s + Math.exp(z), 0));
    const wantLogits = -((3 - lse([1, 3, 0.5])) + (0 - lse([2, -1, 0]))) / 2;
    expect(v(dl.categoricalCrossentropy(onehot, logits, { fromLogits: true }))).toBeCloseTo(wantLogits, 12);
    expect(v(dl.sparseCategoricalCrossentropy(labels, logits, { fromLogits: true }))).toBeCloseTo(wantLogits, 12);
    const bad = t64([[0, 1]]);
    expect(() => dl.categoricalCrossentropy(bad, p)).toThrow('categoricalCrossentropy: yTrue [1,2] and yPred [2,3] must have the same shape');
    dl.dispose([p, onehot, labels, logits, bad]);
  });

  it("metrics: 'accuracy' follows the loss, as in Keras", () => {
    const p = t64([[0.1, 0.7, 0.2], [0.5, 0.25, 0.25]]);
    const onehot = t64([[0, 1, 0], [0, 0, 1]]);
    expect(v(dl.getMetric('accuracy', 'categoricalCrossentropy', 3)(onehot, p))).toBe(0.5);
    const labels = dl.tensor([1, 0], [2], 'int32');
    expect(v(dl.getMetric('accuracy', 'sparseCategoricalCrossentropy', 3)(labels, p))).toBe(1);
    const yb = t64([[1], [0], [1], [0]]);
    const pb = t64([[0.6], [0.4], [0.2], [0.51]]);
    expect(v(dl.getMetric('accuracy', 'binaryCrossentropy', 1)(yb, pb))).toBe(0.5);
    expect(v(dl.mae(yb, pb))).toBeCloseTo((0.4 + 0.4 + 0.8 + 0.51) / 4, 14);
    dl.dispose([p, onehot, labels, yb, pb]);
  });
});

/** Runs `steps` updates of one scalar weight with a constant gradient g. */
function trajectory(opt: dl.Optimizer, w0: number, g: number, steps: number): number[] {
  const w = dl.variable(dl.tidy(() => dl.tensor([w0], [1], 'float64')));
  const grad = dl.tensor([g], [1], 'float64');
  const out: number[] = [];
  for (let i = 0; i < steps; i++) {
    opt.applyGradients(new Map([[w, grad]]));
    out.push(w.dataSync()[0]!);
  }
  opt.dispose();
  dl.dispose([w, grad]);
  return out;
}

describe('optimizers (Keras update rules)', () => {
  it('SGD, with momentum and nesterov', () => {
    expect(trajectory(new dl.SGD({ learningRate: 0.1 }), 1, 2, 2)).toEqual([0.8, 0.6000000000000001]);
    // m1 = -0.2, w1 = 0.8; m2 = 0.9 * -0.2 - 0.2 = -0.38, w2 = 0.42
    const mom = trajectory(new dl.SGD({ learningRate: 0.1, momentum: 0.9 }), 1, 2, 2);
    expect(mom[0]).toBeCloseTo(0.8, 15);
    expect(mom[1]).toBeCloseTo(0.42, 15);
    // nesterov: w1 = 1 + 0.9 * -0.2 - 0.2 = 0.62; m2 = -0.38, w2 = 0.62 + 0.9 * -0.38 - 0.2 = 0.078
    const nes = trajectory(new dl.SGD({ learningRate: 0.1, momentum: 0.9, nesterov: true }), 1, 2, 2);
    expect(nes[0]).toBeCloseTo(0.62, 15);
    expect(nes[1]).toBeCloseTo(0.078, 15);
  });

  it('Adam takes steps of about lr in the direction of -g at first', () => {
    const [w1, w2] = trajectory(new dl.Adam({ learningRate: 0.01 }), 1, 0.5, 2);
    // t=1: m = 0.05, v = 0.00025, alpha = 0.01 sqrt(0.001) / 0.1; w = 1 - alpha m / (sqrt(v) + 1e-7)
    const alpha1 = (0.01 * Math.sqrt(1 - 0.999)) / (1 - 0.9);
    expect(w1).toBeCloseTo(1 - (alpha1 * 0.05) / (Math.sqrt(0.00025) + 1e-7), 14);
    const m2 = 0.05 + (0.5 - 0.05) * 0.1;
    const v2 = 0.00025 + (0.25 - 0.00025) * 0.001;
    const alpha2 = (0.01 * Math.sqrt(1 - 0.999 ** 2)) / (1 - 0.9 ** 2);
    expect(w2).toBeCloseTo(w1! - (alpha2 * m2) / (Math.sqrt(v2) + 1e-7), 14);
  });

  it('RMSprop and Adagrad', () => {
    const [r1] = trajectory(new dl.RMSprop({ learningRate: 0.01 }), 1, 2, 1);
    expect(r1).toBeCloseTo(1 - (0.01 * 2) / Math.sqrt(0.1 * 4 + 1e-7), 14);
    const [a1, a2] = trajectory(new dl.Adagrad({ learningRate: 0.1 }), 1, 2, 2);
    expect(a1).toBeCloseTo(1 - (0.1 * 2) / Math.sqrt(0.1 + 4 + 1e-7), 14);
    expect(a2).toBeCloseTo(a1! - (0.1 * 2) / Math.sqrt(0.1 + 8 + 1e-7), 14);
  });
});

describe('initializers', () => {
  it('glorotUniform stays within sqrt(6 / (fanIn + fanOut)) and fills it', () => {
    const w = dl.initialValues({ name: 'glorotUniform', seed: 1 }, [3, 3, 4, 8], 'test');
    const limit = Math.sqrt(6 / (36 + 72));
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(0.95 * limit);
  });

  it('orthogonal gives orthonormal columns (or rows when wide)', () => {
    for (const [r, c] of [[6, 4], [3, 5]] as const) {
      const q = dl.initialValues({ name: 'orthogonal', seed: 2 }, [r, c], 'test');
      const [inner, outer, at] = r >= c ? [r, c, (i: number, j: number) => q[i * c + j]!] : [c, r, (i: number, j: number) => q[j * c + i]!];
      for (let a = 0; a < outer; a++) {
        for (let b = 0; b < outer; b++) {
          let dot = 0;
          for (let i = 0; i < inner; i++) dot += at(i, a) * at(i, b);
          expect(dot).toBeCloseTo(a === b ? 1 : 0, 12);
        }
      }
    }
  });

  it('heNormal and glorotNormal are truncated at two standard deviations', () => {
    const w = dl.initialValues({ name: 'heNormal', seed: 3 }, [400, 50], 'test');
    const std = Math.sqrt(2 / 400) / 0.87962566103423978;
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(2 * std);
    const sd = Math.sqrt(w.reduce((s, x) => s + x * x, 0) / w.length);
    expect(sd).toBeCloseTo(Math.sqrt(2 / 400), 2);
  });

  it('the same seed gives the same weights', () => {
    expect(dl.initialValues({ name: 'randomNormal', seed: 4 }, [10], 't')).toEqual(dl.initialValues({ name: 'randomNormal', seed: 4 }, [10], 't'));
  });
});
