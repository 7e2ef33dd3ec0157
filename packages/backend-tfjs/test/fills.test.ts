import * as dl from '@dlts/core';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_NAMES } from '../src/index.js';
import { activateEngine, startEngine, type EngineName } from '../src/engine.js';
import { conv2dBackpropFilterByConv } from '../src/fills/conv2d_backprop_filter.js';
import { maxPoolBackwardByScatter } from '../src/fills/max_pool_backward.js';
import { scatterAddByScatterNd } from '../src/fills/scatter_add.js';
import { conv2dBackpropFilterNative } from '../src/kernels/conv.js';
import { maxPoolBackwardNative } from '../src/kernels/pool.js';

/**
 * The fills at sizes the conformance suite does not reach (the book's CNN layers, an
 * Embedding(1000, 32) gradient), on both engines, against tfjs-backend-cpu's own kernels (an
 * implementation that shares nothing with the fills) or a plain loop. Dilated geometries are
 * covered by the conformance suite against its float64 reference.
 */
function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, tol: number): void {
  expect(got.length).toBe(want.length);
  let worst = 0;
  for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!) / (1 + Math.abs(want[i]!)));
  expect(worst).toBeLessThanOrEqual(tol);
}

/** Runs fn on an engine inside tf.tidy and returns the result's values. */
function on(engine: EngineName, fn: () => tf.Tensor): Float32Array {
  activateEngine(engine);
  const out = tf.tidy(fn);
  const v = out.dataSync() as Float32Array;
  out.dispose();
  return v;
}

const rng = new dl.RandomState(5);
const uniform = (shape: number[]) => Float32Array.from(rng.uniform(-1, 1, shape));

const CONV_CASES = [
  { x: [8, 28, 28, 1], filter: [3, 3, 1, 10], strides: 1, padding: 'same' },
  { x: [4, 14, 14, 10], filter: [3, 3, 10, 10], strides: 2, padding: 'valid' },
  { x: [2, 9, 11, 3], filter: [5, 4, 3, 6], strides: [2, 3], padding: 'same' },
] as const;

const POOL_CASES = [
  { x: [8, 28, 28, 10], pool: 2, strides: 2, padding: 'valid' },
  { x: [2, 9, 7, 3], pool: 3, strides: 2, padding: 'same' },
  { x: [1, 6, 5, 2], pool: [2, 3], strides: 1, padding: 'same' },
] as const;

describe('fills against tfjs-backend-cpu kernels', () => {
  beforeAll(async () => {
    for (const engine of ENGINE_NAMES) await startEngine(engine);
  });

  for (const c of CONV_CASES) {
    it(`Conv2DBackpropFilter fill, x [${c.x}] filter [${c.filter}] strides ${JSON.stringify(c.strides)} ${c.padding}`, () => {
      const info = dl.computeConv2DInfo('test', c.x, c.filter, c.strides, c.padding);
      const dyShape = [info.batch, info.outHeight, info.outWidth, info.outChannels];
      const x = uniform([...c.x]);
      const dy = uniform(dyShape);
      const want = on('cpu', () => conv2dBackpropFilterNative(tf.tensor(x, [...c.x]), tf.tensor(dy, dyShape), info));
      // Sums of batch * outH * outW terms in another order: tolerance grows with sqrt of that count.
      const tol = 1e-6 * Math.sqrt(info.batch * info.outHeight * info.outWidth);
      for (const engine of ENGINE_NAMES) expectClose(on(engine, () => conv2dBackpropFilterByConv(tf.tensor(x, [...c.x]), tf.tensor(dy, dyShape), info)), want, tol);
    });
  }

  for (const c of POOL_CASES) {
    for (const ties of [false, true]) {
      it(`MaxPoolGrad fill (first maximum), x [${c.x}] pool ${JSON.stringify(c.pool)} strides ${c.strides} ${c.padding}${ties ? ', all values tied' : ''}`, () => {
        const info = dl.computeConv2DInfo('test', c.x, [...(typeof c.pool === 'number' ? [c.pool, c.pool] : c.pool), c.x[3], c.x[3]] as [number, number, number, number], c.strides, c.padding);
        const dyShape = [info.batch, info.outHeight, info.outWidth, info.outChannels];
        // Values on a coarse grid tie often; the all-tied case ties every window.
        const x = ties ? new Float32Array(dl.sizeOf(c.x)).fill(0.5) : Float32Array.from(rng.randint(0, 4, [...c.x]));
        const dy = uniform(dyShape);
        const want = on('cpu', () => maxPoolBackwardNative(tf.tensor(dy, dyShape), tf.tensor(x, [...c.x]), info));
        for (const engine of ENGINE_NAMES) expectClose(on(engine, () => maxPoolBackwardByScatter(tf.tensor(dy, dyShape), tf.tensor(x, [...c.x]), info)), want, 1e-6);
      });
    }
  }

  it('UnsortedSegmentSum fill: the gradient of Embedding(1000, 32) over 32x100 ids, with memory of the output size only', async () => {
    const [vocab, dim, n] = [1000, 32, 32 * 100];
    const ids = rng.randint(0, vocab, [n]);
    const rows = uniform([n, dim]);
    const want = new Float64Array(vocab * dim);
    for (let i = 0; i < n; i++) for (let d = 0; d < dim; d++) want[ids[i]! * dim + d]! += rows[i * dim + d]!;
    for (const engine of ENGINE_NAMES) {
      activateEngine(engine);
      const inputs = [tf.tensor2d(rows, [n, dim]), tf.tensor1d(ids, 'int32')] as const;
      const start = tf.memory().numBytes;
      const profile = await tf.profile(() => scatterAddByScatterNd(inputs[0], inputs[1], vocab));
      const out = profile.result as tf.Tensor;
      // Sums of up to ~12 terms per row.
      expectClose(out.dataSync(), want, 1e-6);
      // It allocates the output (128 kB) and tfjs counts the reshaped ids (12.8 kB) once more; a
      // one-hot matMul would hold 1000 x 3200 floats (12.8 MB).
      expect(profile.peakBytes - start).toBeLessThanOrEqual(vocab * dim * 4 + n * 4);
      tf.dispose([out, ...inputs]);
    }
  });
});
