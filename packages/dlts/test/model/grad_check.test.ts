/**
 * Every layer's gradients, with respect to its input and each weight, against central finite
 * differences of its own forward pass, in float64 on the cpu backend.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as dl from '../../src/index.js';

beforeAll(async () => {
  await dl.setBackend('cpu');
});

const H = 1e-6;

/** f(x) = sum(layer(x) * r) for a fixed random r, as a number. */
function objective(layer: dl.Layer, r: dl.Tensor) {
  return (x: dl.Tensor): dl.Tensor => dl.sum(dl.mul(layer.apply(x, true), r));
}

function numericGrad(evaluate: () => number, values: Float64Array, write: (v: Float64Array) => void): Float64Array {
  const g = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const keep = values[i]!;
    values[i] = keep + H;
    write(values);
    const up = evaluate();
    values[i] = keep - H;
    write(values);
    const down = evaluate();
    values[i] = keep;
    write(values);
    g[i] = (up - down) / (2 * H);
  }
  return g;
}

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, what: string): void {
  expect(got.length, what).toBe(want.length);
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!) / (1 + Math.abs(want[i]!)));
  expect(worst, `${what}: worst relative error`).toBeLessThan(1e-6);
}

/** Checks d/dx and d/dw for every weight of `layer` at input `xValues` of `shape`. */
function checkLayer(layer: dl.Layer, shape: number[], xValues: Float64Array, checkInput = true): void {
  const rng = new dl.RandomState(7);
  const before = dl.memory().numTensors;
  let x = dl.tensor(xValues, shape, xValues instanceof Float64Array ? 'float64' : 'int32');
  layer.apply(x).dispose(); // builds
  const outShape = dl.tidy(() => layer.apply(x).shape);
  const r = dl.tensor(rng.uniform(-1, 1, [outShape.reduce((a, b) => a * b, 1)]) as Float64Array, outShape, 'float64');
  const f = objective(layer, r);
  const value = () => dl.tidy(() => f(x).dataSync()[0]!);

  if (checkInput) {
    const analytic = dl.grad(f)(x);
    const xs = Float64Array.from(xValues);
    const numeric = numericGrad(value, xs, (v) => {
      x.dispose();
      x = dl.tensor(v, shape, 'float64');
    });
    expectClose(analytic.dataSync(), numeric, `${layer.name}: d/dinput`);
    analytic.dispose();
  }
  for (const w of layer.weights) {
    const { value: v, grads } = dl.variableGrads(() => f(x), [w]);
    v.dispose();
    const analytic = grads.get(w)!;
    const ws = Float64Array.from(w.dataSync());
    const numeric = numericGrad(value, ws, (vals) => dl.tidy(() => w.assign(dl.tensor(vals, w.shape, 'float64'))));
    expectClose(analytic.dataSync(), numeric, `${layer.name}: d/d${w.name}`);
    analytic.dispose();
  }
  x.dispose();
  r.dispose();
  layer.dispose();
  expect(dl.memory().numTensors).toBe(before);
}

const uniform = (seed: number, n: number, lo = -1, hi = 1) => new dl.RandomState(seed).uniform(lo, hi, [n]) as Float64Array;

describe('layer gradients (float64, finite differences)', () => {
  for (const activation of ['linear', 'relu', 'sigmoid', 'tanh', 'softmax'] as const) {
    it(`Dense(activation=${activation}), rank-2 and rank-3 inputs`, () => {
      // relu: keep pre-activations away from its kink by using inputs and weights of one sign.
      const lo = activation === 'relu' ? 0.1 : -1;
      checkLayer(new dl.Dense({ units: 3, activation, dtype: 'float64', kernelInitializer: { name: 'randomUniform', minval: lo, maxval: 1, seed: 1 }, biasInitializer: { name: 'randomUniform', minval: lo, maxval: 1, seed: 2 } }), [4, 5], uniform(1, 20, lo, 1));
      checkLayer(new dl.Dense({ units: 2, activation, dtype: 'float64', kernelInitializer: { name: 'randomUniform', minval: lo, maxval: 1, seed: 3 } }), [2, 3, 4], uniform(2, 24, lo, 1));
    });
  }

  it('Conv2D with same and valid padding, strides and bias', () => {
    checkLayer(new dl.Conv2D({ filters: 2, kernelSize: 3, padding: 'same', dtype: 'float64', biasInitializer: { name: 'randomUniform', seed: 3 } }), [2, 5, 4, 2], uniform(3, 80));
    checkLayer(new dl.Conv2D({ filters: 3, kernelSize: [2, 3], strides: 2, padding: 'valid', activation: 'tanh', dtype: 'float64' }), [1, 6, 7, 1], uniform(4, 42));
  });

  it('MaxPooling2D and AveragePooling2D', () => {
    // Distinct values: no ties inside a window.
    const distinct = new dl.RandomState(5).permutation(2 * 4 * 6 * 3);
    const x = Float64Array.from(distinct, (v) => v / 10);
    checkLayer(new dl.MaxPooling2D({ poolSize: 2, dtype: 'float64' }), [2, 4, 6, 3], x);
    checkLayer(new dl.AveragePooling2D({ poolSize: [2, 3], strides: 1, padding: 'same', dtype: 'float64' }), [2, 4, 6, 3], uniform(6, 144));
  });

  it('Flatten and Activation', () => {
    checkLayer(new dl.Flatten({ dtype: 'float64' }), [2, 3, 2], uniform(7, 12));
    checkLayer(new dl.Activation({ activation: 'softmax', dtype: 'float64' }), [3, 4], uniform(8, 12));
  });

  it('Embedding (weights; ids are not differentiable)', () => {
    const ids = new Float64Array([0, 3, 3, 1, 4, 0]);
    checkLayer(new dl.Embedding({ inputDim: 5, outputDim: 3, dtype: 'float64' }), [2, 3], ids, false);
  });

  it('SimpleRNN, last state and full sequence', () => {
    checkLayer(new dl.SimpleRNN({ units: 3, dtype: 'float64', biasInitializer: { name: 'randomUniform', seed: 9 } }), [2, 4, 3], uniform(9, 24));
    checkLayer(new dl.SimpleRNN({ units: 2, returnSequences: true, dtype: 'float64' }), [2, 3, 2], uniform(10, 12));
  });

  it('LSTM, last state and full sequence', () => {
    checkLayer(new dl.LSTM({ units: 3, dtype: 'float64' }), [2, 4, 3], uniform(11, 24));
    checkLayer(new dl.LSTM({ units: 2, returnSequences: true, dtype: 'float64', biasInitializer: { name: 'randomUniform', seed: 12 } }), [2, 3, 2], uniform(12, 12));
  });

  it('Dropout in training: gradient is the kept mask scaled by 1 / (1 - rate)', () => {
    const layer = new dl.Dropout({ rate: 0.4, seed: 3, dtype: 'float64' });
    const x = dl.tensor(uniform(13, 200, 0.5, 1), [10, 20], 'float64');
    const { value, grad } = dl.valueAndGrad((t) => dl.sum(layer.apply(t, true)))(x);
    const g = grad.dataSync();
    const kept = Array.from(g).filter((v) => v !== 0);
    expect(kept.every((v) => Math.abs(v - 1 / 0.6) < 1e-12)).toBe(true);
    expect(kept.length).toBeGreaterThan(90); // about 60% of 200 kept
    expect(kept.length).toBeLessThan(150);
    dl.dispose([x, value, grad]);
  });
});
