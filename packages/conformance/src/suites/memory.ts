import * as dl from '@dlts/core';
import { expectExact, readout } from '../compare.js';
import { nd } from '../reference/ndarray.js';
import type { SuiteContext } from '../suite_context.js';

function counts(ctx: SuiteContext): { tensors: number; buffers: number } {
  const m = dl.memory(ctx.name);
  return { tensors: m.numTensors, buffers: m.numBuffers };
}

function expectCounts(what: string, got: { tensors: number; buffers: number }, tensors: number, buffers: number): void {
  if (got.tensors !== tensors || got.buffers !== buffers) {
    throw new Error(`${what}: ${got.tensors} tensors / ${got.buffers} buffers, want ${tensors} / ${buffers}`);
  }
}

export function storageSuite(ctx: SuiteContext): void {
  for (const dtype of [...ctx.floatDTypes, 'int32'] as const) {
    ctx.test('storage', `write then readSync, read and arraySync give the values back [${dtype}]`, async (r) => {
      for (const shape of [[], [1], [7], [2, 3, 5]]) {
        const x = dtype === 'int32' ? r.ints(shape, -(2 ** 31), 2 ** 31 - 1) : r.uniform(shape, -1e3, 1e3);
        const t = dl.tensor(x.data, shape, dtype);
        try {
          expectExact(`readSync [${shape}]`, readout(t), x, dtype);
          expectExact(`read [${shape}]`, { shape: t.shape, dtype: t.dtype, data: await t.data() }, x, dtype);
          const nested = t.arraySync();
          const flat = shape.length === 0 ? [nested as number] : (nested as unknown[]).flat(Infinity as 1) as number[];
          expectExact(`arraySync [${shape}]`, { shape, dtype, data: flat }, x, dtype);
        } finally {
          t.dispose();
        }
      }
    });
  }
  ctx.test('storage', 'float32 storage rounds to nearest float32', () => {
    const values = [0.1, 1 / 3, Math.PI, 16777217];
    const t = dl.tensor(values, [4], 'float32');
    try {
      expectExact('float32 write', readout(t), nd([4], values.map(Math.fround)), 'float32');
    } finally {
      t.dispose();
    }
  });
}

export function memorySuite(ctx: SuiteContext): void {
  ctx.test('memory', 'dispose() frees the storage buffer and marks the tensor disposed', () => {
    const before = counts(ctx);
    const t = dl.tensor([1, 2, 3], [3]);
    expectCounts('after tensor()', counts(ctx), before.tensors + 1, before.buffers + 1);
    t.dispose();
    expectCounts('after dispose()', counts(ctx), before.tensors, before.buffers);
    if (!t.isDisposed) throw new Error('isDisposed is false after dispose()');
  });
  ctx.test('memory', 'tidy disposes intermediates but not the returned tensor', () => {
    const before = counts(ctx);
    const inner: dl.Tensor[] = [];
    const out = dl.tidy(() => {
      const a = dl.tensor([1, 2, 3], [3]);
      const b = dl.add(a, 1);
      inner.push(a, b);
      return dl.mul(b, 2);
    });
    try {
      expectCounts('after tidy', counts(ctx), before.tensors + 1, before.buffers + 1);
      if (!inner.every((t) => t.isDisposed)) throw new Error('tidy left an intermediate alive');
      expectExact('tidy result', readout(out), nd([3], [4, 6, 8]), 'float32');
    } finally {
      out.dispose();
    }
  });
  ctx.test('memory', 'keep() survives tidy', () => {
    const before = counts(ctx);
    let kept: dl.Tensor | undefined;
    dl.tidy(() => {
      kept = dl.keep(dl.tensor([5, 6], [2]));
      dl.tensor([7], [1]);
    });
    try {
      expectCounts('after tidy', counts(ctx), before.tensors + 1, before.buffers + 1);
      expectExact('kept tensor', readout(kept!), nd([2], [5, 6]), 'float32');
    } finally {
      kept!.dispose();
    }
  });
  ctx.test('memory', 'reading a disposed tensor throws BackendError (sync and async)', async () => {
    const t = dl.tensor([1, 2], [2]);
    t.dispose();
    let syncError: unknown;
    try {
      t.dataSync();
    } catch (e) {
      syncError = e;
    }
    if (!(syncError instanceof dl.BackendError)) throw new Error(`dataSync on a disposed tensor gave ${String(syncError)}`);
    let asyncError: unknown;
    try {
      await t.data();
    } catch (e) {
      asyncError = e;
    }
    if (!(asyncError instanceof dl.BackendError)) throw new Error(`data() on a disposed tensor gave ${String(asyncError)}`);
  });
  ctx.test('reshape', 'reshape shares storage: no new buffer, and the view outlives the original', () => {
    const before = counts(ctx);
    const t = dl.tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    const v = dl.reshape(t, [3, -1]);
    try {
      expectCounts('after reshape', counts(ctx), before.tensors + 2, before.buffers + 1);
      t.dispose();
      expectExact('view after original disposed', readout(v), nd([3, 2], [1, 2, 3, 4, 5, 6]), 'float32');
    } finally {
      v.dispose();
      t.dispose();
    }
    expectCounts('after both disposed', counts(ctx), before.tensors, before.buffers);
  });
}
