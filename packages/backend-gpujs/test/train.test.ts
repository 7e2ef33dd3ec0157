import * as dl from '@dlts/core';
import { createCpuBackend } from '@dlts/backend-cpu';
import { describe, expect, it } from 'vitest';
import { createGpujsBackend } from '../src/index.js';

/**
 * A 4-8-1 MLP (relu, then sigmoid) on seeded synthetic data, trained by plain SGD through core's
 * ops and autograd. Returns the loss of every step.
 */
async function train(backend: string, steps: number): Promise<number[]> {
  await dl.setBackend(backend);
  const rs = new dl.RandomState(7);
  const n = 64;
  const xs = rs.uniform(-1, 1, [n, 4]);
  // Label: is x0 + x1 * x2 > 0 (not linearly separable in x, so the hidden layer matters).
  const labels = Float64Array.from({ length: n }, (_, i) => (xs[i * 4]! + xs[i * 4 + 1]! * xs[i * 4 + 2]! > 0 ? 1 : 0));
  const x = dl.tensor(xs, [n, 4], 'float32');
  const y = dl.tensor(labels, [n, 1], 'float32');
  // A variable shares its initial tensor's storage; the initial handle is not needed afterwards.
  const variable = (t: dl.Tensor): dl.Variable => {
    const v = dl.variable(t);
    t.dispose();
    return v;
  };
  const w1 = variable(dl.tensor(rs.normal(0, 0.5, [4, 8]), [4, 8], 'float32'));
  const b1 = variable(dl.zeros([8]));
  const w2 = variable(dl.tensor(rs.normal(0, 0.5, [8, 1]), [8, 1], 'float32'));
  const b2 = variable(dl.zeros([1]));
  const params = [w1, b1, w2, b2];
  const lr = 0.5;
  const losses: number[] = [];
  const loss = (): dl.Tensor => {
    const h = dl.relu(dl.add(dl.matMul(x, w1), b1));
    const p = dl.sigmoid(dl.add(dl.matMul(h, w2), b2));
    // Binary cross-entropy, with p clipped away from 0 and 1.
    const pc = dl.clip(p, 1e-6, 1 - 1e-6);
    return dl.neg(dl.mean(dl.add(dl.mul(y, dl.log(pc)), dl.mul(dl.sub(1, y), dl.log(dl.sub(1, pc))))));
  };
  try {
    for (let step = 0; step < steps; step++) {
      dl.tidy(() => {
        const { value, grads } = dl.variableGrads(loss, params);
        losses.push(value.dataSync()[0]!);
        for (const v of params) v.assign(dl.sub(v, dl.mul(grads.get(v)!, lr)));
      });
    }
  } finally {
    dl.dispose([x, y, ...params]);
  }
  return losses;
}

describe('training a small model on gpujs', () => {
  it('SGD lowers the loss on WebGL and in cpu mode, step by step as on the cpu backend, without leaks', async () => {
    dl.registerBackend('gpujs-train', () => createGpujsBackend({ mode: 'gpu' }, 'gpujs-train'));
    dl.registerBackend('gpujs-cpu-train', () => createGpujsBackend({ mode: 'cpu' }, 'gpujs-cpu-train'));
    dl.registerBackend('cpu-train', createCpuBackend);
    const steps = 60;
    const reference = await train('cpu-train', steps);
    for (const name of ['gpujs-train', 'gpujs-cpu-train']) {
      await dl.setBackend(name);
      const before = dl.memory(name);
      const losses = await train(name, steps);
      expect(losses[steps - 1]!).toBeLessThan(0.5 * losses[0]!);
      // Same seed, same run: the curves differ only by float32 rounding.
      losses.forEach((l, i) => expect(Math.abs(l - reference[i]!)).toBeLessThan(1e-5));
      const after = dl.memory(name);
      expect([after.numTensors, after.numBuffers]).toEqual([before.numTensors, before.numBuffers]);
    }
  });
});
