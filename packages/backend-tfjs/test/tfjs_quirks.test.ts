import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_NAMES } from '../src/index.js';
import { startEngine, type EngineName } from '../src/engine.js';

/**
 * The tfjs 4.22.0 behaviours the adapter works around, called on tfjs directly. If an upgrade
 * changes one of them, its test fails and the workaround (named in each title) can be revisited.
 */
const run = (name: string, inputs: tf.NamedTensorMap, attrs: tf.NamedAttrMap = {}) => tf.engine().runKernel(name, inputs, attrs) as tf.Tensor;
const values = (t: tf.Tensor) => Array.from(t.dataSync());

async function on<T extends tf.TensorContainer>(engine: EngineName, fn: () => T): Promise<T> {
  await tf.setBackend(engine);
  return tf.tidy(() => fn());
}

describe('tfjs quirks the adapter works around', () => {
  beforeAll(async () => {
    for (const engine of ENGINE_NAMES) await startEngine(engine);
  });

  it('MaxPoolGrad on wasm does not route ties to the first maximum (the last, on an all-equal input); cpu does (wasm: MaxPoolGrad fill)', async () => {
    // All-equal 3x3 input, 2x2 windows, stride 1, 'same': the first maximum of window (r, c) is cell (r, c).
    const grad = (engine: EngineName) => on(engine, () => {
      const x = tf.ones([1, 3, 3, 1]);
      const attrs = { filterSize: [2, 2], strides: [1, 1], pad: 'same' };
      return values(run('MaxPoolGrad', { dy: tf.ones([1, 3, 3, 1]), input: x, output: run('MaxPool', { x }, attrs) }, attrs));
    });
    expect(await grad('cpu')).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(await grad('wasm')).toEqual([0, 0, 0, 0, 1, 2, 0, 2, 4]);
  });

  for (const engine of ENGINE_NAMES) {
    it(`${engine}: AvgPoolGrad divides by the full window although AvgPool excludes padding (dy scaled first)`, async () => {
      const [forward, backward] = await on(engine, () => {
        const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
        const attrs = { filterSize: [2, 2], strides: [1, 1], pad: 'same' };
        return [values(run('AvgPool', { x }, attrs)), values(run('AvgPoolGrad', { dy: tf.ones([1, 3, 3, 1]), input: x }, attrs))];
      });
      // The corner window holds only cell 9: the forward averages over 1 cell ...
      expect(forward[8]).toBe(9);
      // ... but cell 9's gradient from its 4 windows (1, 2, 2 and 4 cells inside) is 4 x 1/4, not 1/4+1/2+1/2+1.
      expect(backward[8]).toBe(1);
    });

    it(`${engine}: comparisons return bool (cast to the inputs' dtype)`, async () => {
      expect(await on(engine, () => tf.less(tf.tensor1d([1, 2]), tf.tensor1d([2, 2])).dtype)).toBe('bool');
    });

    it(`${engine}: _FusedMatMul has no tanh activation (tanh applied after a linear fused product)`, async () => {
      await expect(on(engine, () => tf.fused.matMul({ a: tf.ones([2, 2]), b: tf.ones([2, 2]), activation: 'tanh' as 'relu' }))).rejects.toThrow(/tanh/i);
    });

    it(`${engine}: Conv2DBackpropInput ignores dilations (a dilated filter is spread with zeros first)`, async () => {
      const [plain, dilated] = await on(engine, () => {
        const attrs = (extra: tf.NamedAttrMap) => ({ strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', inputShape: [1, 4, 4, 1], ...extra });
        const dx = (extra: tf.NamedAttrMap) => values(run('Conv2DBackpropInput', { dy: tf.ones([1, 3, 3, 1]), filter: tf.ones([2, 2, 1, 1]) }, attrs(extra)));
        return [dx({}), dx({ dilations: [2, 2] })];
      });
      expect(dilated).toEqual(plain);
    });

    it(`${engine}: the tf.conv2d op rejects strides and dilations both above 1, the Conv2D kernel takes them (runKernel used)`, async () => {
      await expect(on(engine, () => tf.conv2d(tf.ones([1, 9, 9, 1]) as tf.Tensor4D, tf.ones([2, 2, 1, 1]) as tf.Tensor4D, 2, 'valid', 'NHWC', 2))).rejects.toThrow(/strides or dilations/);
      const shape = await on(engine, () => run('Conv2D', { x: tf.ones([1, 9, 9, 1]), filter: tf.ones([2, 2, 1, 1]) }, { strides: [2, 2], pad: 'valid', dataFormat: 'NHWC', dilations: [2, 2] }).shape);
      expect(shape).toEqual([1, 4, 4, 1]);
    });

    it(`${engine}: tf.pad rejects a scalar (rank 0 padding is a clone)`, async () => {
      await expect(on(engine, () => tf.pad(tf.scalar(1), []))).rejects.toThrow(/scalar/);
    });
  }

  it('wasm: ClipByValue reads int32 data as float32 (int32 clipped with Maximum and Minimum)', async () => {
    const got = await on('wasm', () => values(tf.clipByValue(tf.tensor1d([-20, 5, 20], 'int32'), -3, 7)));
    expect(got).not.toEqual([-3, 5, 7]);
  });

  it('wasm: int32 FloorDiv by zero gives INT32_MIN, cpu gives 0 (x // 0 forced to 0)', async () => {
    const div = (engine: EngineName) => on(engine, () => values(tf.floorDiv(tf.tensor1d([5, -5], 'int32'), tf.tensor1d([0, 0], 'int32'))));
    expect(await div('wasm')).toEqual([-2147483648, -2147483648]);
    expect(await div('cpu')).toEqual([0, 0]);
  });

  it('cpu: Conv2DBackpropFilter ignores dilations (dilated filter gradients always take the conv fill)', async () => {
    const [plain, dilated] = await on('cpu', () => {
      const attrs = (extra: tf.NamedAttrMap) => ({ strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', filterShape: [2, 2, 1, 1], ...extra });
      const dw = (extra: tf.NamedAttrMap) => values(run('Conv2DBackpropFilter', { x: tf.ones([1, 4, 4, 1]), dy: tf.ones([1, 3, 3, 1]) }, attrs(extra)));
      return [dw({}), dw({ dilations: [2, 2] })];
    });
    expect(dilated).toEqual(plain);
  });

  it('cpu: a bool cast to int32 keeps its Uint8Array (reads convert to Int32Array)', async () => {
    const data = await on('cpu', () => tf.cast(tf.less(tf.tensor1d([1]), tf.tensor1d([2])), 'int32').dataSync());
    expect(data).toBeInstanceOf(Uint8Array);
  });

  it('cpu: tensors keep the array they are written from (write copies on cpu)', async () => {
    const source = new Float32Array([1, 2]);
    const seen = await on('cpu', () => {
      const t = tf.tensor1d(source);
      source[0] = 9;
      return t.dataSync()[0];
    });
    expect(seen).toBe(9);
  });
});
