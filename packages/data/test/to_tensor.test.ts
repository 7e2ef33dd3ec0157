import { memory, registerBackend, setBackend } from '@dlts/core';
import { createCpuBackend } from '@dlts/backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataArray, toTensor } from '../src/index.js';

beforeAll(async () => {
  registerBackend('cpu', createCpuBackend);
  await setBackend('cpu');
});

describe('toTensor', () => {
  it('makes a tensor of the same shape, widening uint8, and leaks nothing once disposed', () => {
    const before = memory().numTensors;
    const img = toTensor(dataArray(Uint8Array.of(0, 128, 255, 7, 8, 9), [2, 3]));
    expect([img.dtype, img.shape]).toEqual(['float32', [2, 3]]);
    expect(Array.from(img.dataSync())).toEqual([0, 128, 255, 7, 8, 9]);
    const labels = toTensor(dataArray(Uint8Array.of(3, 1), [2]), 'int32');
    expect([labels.dtype, Array.from(labels.dataSync())]).toEqual(['int32', [3, 1]]);
    const x = toTensor(dataArray(Float64Array.of(0.1, 0.2), [2, 1]));
    expect([x.dtype, Array.from(x.dataSync())]).toEqual(['float64', [0.1, 0.2]]);
    const ids = toTensor(dataArray(Int32Array.of(5), [1]));
    expect(ids.dtype).toBe('int32');
    expect(memory().numTensors).toBe(before + 4);
    for (const t of [img, labels, x, ids]) t.dispose();
    expect(memory().numTensors).toBe(before);
  });
});
