import * as dl from '@dlts/core';

/**
 * Calls every contract kernel at least once through core's ops on the current backend, with the
 * variants that take different tfjs paths (int32 division and clipping, dilated convolutions,
 * padded pools, each fused activation, reshaped views). Everything it allocates is disposed.
 */
export function exerciseEveryKernel(): void {
  const r = new dl.RandomState(3);
  const f = (shape: number[]) => dl.tensor(r.uniform(-1, 1, shape), shape, 'float32');
  const i = (shape: number[], hi: number) => dl.tensor(r.randint(0, hi, shape), shape, 'int32');
  dl.tidy(() => {
    const a = f([2, 3]);
    const b = f([3]);
    const pos = dl.add(dl.abs(a), 0.5);
    for (const op of [dl.neg, dl.abs, dl.sign, dl.exp, dl.square, dl.reciprocal, dl.tanh, dl.sigmoid, dl.relu, dl.step]) op(a);
    dl.log(pos);
    dl.sqrt(pos);
    for (const op of [dl.add, dl.sub, dl.mul, dl.div, dl.maximum, dl.minimum, dl.equal, dl.notEqual, dl.less, dl.lessEqual, dl.greater, dl.greaterEqual]) op(a, b);
    dl.pow(pos, b);
    const n = i([2, 3], 7);
    const d = dl.add(i([3], 3), 1);
    dl.div(n, d);
    dl.less(n, d);
    dl.clip(n, 1, 4);
    dl.clip(a, -0.5, 0.5);
    dl.where(n, a, b);
    dl.cast(a, 'int32');
    dl.cast(n, 'float32');
    dl.zeros([2, 2]);
    dl.ones([3], 'int32');
    dl.sum(a, 1);
    dl.max(a, 0);
    dl.min(a);
    dl.argmax(a, 1);
    dl.matMul(a, f([3, 4]));
    dl.matMul(f([2, 3, 4]), f([4, 5]), false, false);
    dl.matMul(f([4, 3]), f([5, 4]), true, true);
    for (const act of ['linear', 'relu', 'sigmoid', 'tanh'] as const) dl.dense(a, f([3, 4]), f([4]), act);
    dl.dense(a, f([3, 4]));
    dl.transpose(f([2, 3, 4]), [2, 0, 1]);
    dl.slice(f([4, 5]), [1, 1], [2, -1]);
    dl.concat([a, f([2, 2])], 1);
    dl.pad(a, [[1, 0], [0, 2]], 3);
    dl.pad(dl.scalar(2), []);
    dl.gather(f([5, 3]), i([2, 2], 5), 0);
    dl.scatterAdd(f([2, 3, 4]), i([2, 3], 4), 5);
    dl.scatterAdd(i([6], 9), i([6], 3), 3);
    // A reshaped view as a kernel input.
    dl.exp(dl.reshape(a, [3, 2]));
    const x = f([2, 7, 6, 3]);
    const filter = f([3, 3, 3, 2]);
    for (const [s, pad, dil] of [[1, 'same', 1], [2, 'valid', 1], [1, 'same', 2]] as const) {
      const y = dl.conv2d(x, filter, s, pad, dil);
      dl.conv2dBackpropInput(y, filter, x.shape, s, pad, dil);
      dl.conv2dBackpropFilter(x, y, filter.shape, s, pad, dil);
    }
    for (const pad of ['same', 'valid'] as const) {
      const m = dl.maxPool(x, 3, 2, pad);
      dl.maxPoolBackward(m, x, 3, 2, pad);
      const v = dl.avgPool(x, 3, 2, pad);
      dl.avgPoolBackward(v, x.shape, 3, 2, pad);
    }
    dl.softmax(a);
    dl.logSoftmax(a);
    return null;
  });
}
