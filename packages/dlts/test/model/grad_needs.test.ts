/**
 * Backward passes compute only the gradients that lead to a differentiated variable: the input
 * gradient of a first layer (its input is data) costs a matmul or a conv2dBackpropInput that
 * nothing reads. Counted at the backend, on cpu.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as dl from '../../src/index.js';

type Counted = 'matmul' | 'conv2d' | 'conv2dBackpropInput' | 'conv2dBackpropFilter';
const COUNTED: Counted[] = ['matmul', 'conv2d', 'conv2dBackpropInput', 'conv2dBackpropFilter'];
let restore: (() => void)[] = [];

/** Calls of each counted kernel while fn runs. */
function countKernels(fn: () => void): Record<Counted, number> {
  const backend = dl.getBackend() as unknown as Record<Counted, (...args: unknown[]) => unknown>;
  const counts = Object.fromEntries(COUNTED.map((k) => [k, 0])) as Record<Counted, number>;
  for (const k of COUNTED) {
    const original = backend[k];
    backend[k] = (...args: unknown[]) => {
      counts[k]++;
      return original.apply(backend, args);
    };
    restore.push(() => { backend[k] = original; });
  }
  try {
    fn();
  } finally {
    restore.forEach((r) => r());
    restore = [];
  }
  return counts;
}

beforeAll(async () => {
  await dl.setBackend('cpu');
});
afterEach(() => restore.forEach((r) => r()));

describe('backward computes only needed input gradients', () => {
  it('matMul(x, w) with x data: one forward and one gradient matmul (dW), not dX', () => {
    const x = dl.tensor([[1, 2, 3], [4, 5, 6]], undefined, 'float64');
    const w = dl.variable(dl.tensor([[1, 0], [0, 1], [1, 1]], undefined, 'float64'));
    const before = dl.memory().numTensors;
    let dw: number[] = [];
    const counts = countKernels(() => {
      const { value, grads } = dl.variableGrads(() => dl.sum(dl.matMul(x, w)), [w]);
      dw = Array.from(grads.get(w)!.dataSync());
      value.dispose();
      grads.get(w)!.dispose();
    });
    expect(counts.matmul).toBe(2);
    // d sum(x w) / dw[k][j] = sum over rows of x[:, k]
    expect(dw).toEqual([5, 5, 7, 7, 9, 9]);
    expect(dl.memory().numTensors).toBe(before);
    x.dispose();
    w.dispose();
  });

  it('both operands differentiated: both gradient matmuls run and are right', () => {
    const [a, b] = [dl.tensor([[1, 2], [3, 4]], undefined, 'float64'), dl.tensor([[5, 6], [7, 8]], undefined, 'float64')];
    let got: number[][] = [];
    const counts = countKernels(() => {
      const gs = dl.grads((p, q) => dl.sum(dl.matMul(p!, q!)))([a, b]);
      got = gs.map((g) => Array.from(g.dataSync()));
      dl.dispose(gs);
    });
    expect(counts.matmul).toBe(3);
    // d/da[i][k] = sum_j b[k][j]; d/db[k][j] = sum_i a[i][k]
    expect(got).toEqual([[11, 15, 11, 15], [4, 4, 6, 6]]);
    dl.dispose([a, b]);
  });

  it('a first Conv2D layer: the filter gradient runs, the input gradient does not', () => {
    dl.setSeed(3);
    const conv = new dl.Conv2D({ filters: 2, kernelSize: [3, 3], padding: 'same', inputShape: [5, 5, 1] });
    const x = dl.tensor(Float32Array.from({ length: 2 * 5 * 5 }, (_, i) => Math.sin(i)), [2, 5, 5, 1]);
    conv.apply(x).dispose();
    const counts = countKernels(() => {
      const { value, grads } = dl.variableGrads(() => dl.sum(conv.apply(x, true)), conv.trainableWeights);
      value.dispose();
      dl.dispose([...grads.values()]);
    });
    expect(counts).toMatchObject({ conv2d: 1, conv2dBackpropFilter: 1, conv2dBackpropInput: 0 });
    x.dispose();
    conv.dispose();
  });
});
