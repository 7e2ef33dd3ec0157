import * as dl from 'dlts';
import type * as TF from '@tensorflow/tfjs-core';

/** Inputs are seeded, so every backend and the peer see the same numbers. */
export interface BenchCase {
  id: string;
  /** Floating-point operations per call, for GFLOP/s (absent where the count is not meaningful). */
  flops?: number;
  dtype: dl.DType;
  /** Builds the inputs on the current dlts backend and returns the call to time (it returns its result). */
  dlts: () => { run: () => dl.Tensor; dispose: () => void };
  /**
   * The same call on TensorFlow.js (each peer backend); absent where tfjs has no equivalent (float64).
   * No readback (dataSync): tfjs-cpu and tfjs-wasm run kernels eagerly, and the dlts side reads back
   * only on a deferred backend (WebGL), where a call that returns has not run yet (main.ts).
   */
  tfjs?: (tf: typeof TF) => { run: () => void; dispose: () => void };
}

function values(shape: number[], seed: number): Float64Array {
  return new dl.RandomState(seed).uniform(-1, 1, shape) as Float64Array;
}

const SAME = 'same' as const;

function matmulCase(n: number, dtype: dl.DType): BenchCase {
  const a = values([n, n], 1);
  const b = values([n, n], 2);
  return {
    id: `matmul ${n}x${n}x${n}${dtype === 'float64' ? ' f64' : ''}`,
    flops: 2 * n * n * n,
    dtype,
    dlts: () => {
      const ta = dl.tensor(a, [n, n], dtype);
      const tb = dl.tensor(b, [n, n], dtype);
      return { run: () => dl.matMul(ta, tb), dispose: () => dl.dispose([ta, tb]) };
    },
    ...(dtype === 'float32' && {
      tfjs: (tf: typeof TF) => {
        const ta = tf.tensor(Float32Array.from(a), [n, n]);
        const tb = tf.tensor(Float32Array.from(b), [n, n]);
        return { run: () => { tf.matMul(ta, tb).dispose(); }, dispose: () => tf.dispose([ta, tb]) };
      },
    }),
  };
}

/** Conv geometry of the book's CNN: 3x3 'same', stride 1. */
function convCases(batch: number, inC: number, outC: number): BenchCase[] {
  const xs = [batch, 28, 28, inC];
  const fs = [3, 3, inC, outC];
  const ys = [batch, 28, 28, outC];
  const flops = 2 * batch * 28 * 28 * outC * 9 * inC;
  const x = values(xs, 3);
  const f = values(fs, 4);
  const dy = values(ys, 5);
  const label = `[${xs}]x[${fs}]`;
  const f32 = (v: Float64Array) => Float32Array.from(v);
  return [
    {
      id: `conv2d ${label}`, flops, dtype: 'float32',
      dlts: () => {
        const tx = dl.tensor(x, xs, 'float32');
        const tf_ = dl.tensor(f, fs, 'float32');
        return { run: () => dl.conv2d(tx, tf_, 1, SAME), dispose: () => dl.dispose([tx, tf_]) };
      },
      tfjs: (tf) => {
        const tx = tf.tensor4d(f32(x), xs as [number, number, number, number]);
        const tf_ = tf.tensor4d(f32(f), fs as [number, number, number, number]);
        return { run: () => { tf.conv2d(tx, tf_, 1, SAME).dispose(); }, dispose: () => tf.dispose([tx, tf_]) };
      },
    },
    {
      id: `conv2dBackpropInput ${label}`, flops, dtype: 'float32',
      dlts: () => {
        const tdy = dl.tensor(dy, ys, 'float32');
        const tf_ = dl.tensor(f, fs, 'float32');
        return { run: () => dl.conv2dBackpropInput(tdy, tf_, xs, 1, SAME), dispose: () => dl.dispose([tdy, tf_]) };
      },
      tfjs: (tf) => {
        const tdy = tf.tensor4d(f32(dy), ys as [number, number, number, number]);
        const tf_ = tf.tensor4d(f32(f), fs as [number, number, number, number]);
        return {
          run: () => { tf.conv2dTranspose(tdy, tf_, xs as [number, number, number, number], 1, SAME).dispose(); },
          dispose: () => tf.dispose([tdy, tf_]),
        };
      },
    },
    {
      id: `conv2dBackpropFilter ${label}`, flops, dtype: 'float32',
      dlts: () => {
        const tx = dl.tensor(x, xs, 'float32');
        const tdy = dl.tensor(dy, ys, 'float32');
        return { run: () => dl.conv2dBackpropFilter(tx, tdy, fs, 1, SAME), dispose: () => dl.dispose([tx, tdy]) };
      },
      tfjs: (tf) => {
        const tx = tf.tensor4d(f32(x), xs as [number, number, number, number]);
        const tdy = tf.tensor4d(f32(dy), ys as [number, number, number, number]);
        // tfjs exposes the filter gradient through its Conv2DBackpropFilter kernel.
        return {
          run: () => {
            (tf.engine().runKernel('Conv2DBackpropFilter', { x: tx, dy: tdy }, { strides: 1, pad: SAME, dataFormat: 'NHWC', filterShape: fs }) as TF.Tensor).dispose();
          },
          dispose: () => tf.dispose([tx, tdy]),
        };
      },
    },
  ];
}

function softmaxCase(rows: number, cols: number): BenchCase {
  const x = values([rows, cols], 6);
  return {
    id: `softmax [${rows},${cols}]`, dtype: 'float32',
    dlts: () => {
      const t = dl.tensor(x, [rows, cols], 'float32');
      return { run: () => dl.softmax(t), dispose: () => t.dispose() };
    },
    tfjs: (tf) => {
      const t = tf.tensor2d(Float32Array.from(x), [rows, cols]);
      return { run: () => { tf.softmax(t).dispose(); }, dispose: () => t.dispose() };
    },
  };
}

function addCase(n: number): BenchCase {
  const a = values([n], 7);
  const b = values([n], 8);
  return {
    id: `add ${n.toLocaleString('en-US')} values`, flops: n, dtype: 'float32',
    dlts: () => {
      const ta = dl.tensor(a, [n], 'float32');
      const tb = dl.tensor(b, [n], 'float32');
      return { run: () => dl.add(ta, tb), dispose: () => dl.dispose([ta, tb]) };
    },
    tfjs: (tf) => {
      const ta = tf.tensor1d(Float32Array.from(a));
      const tb = tf.tensor1d(Float32Array.from(b));
      return { run: () => { tf.add(ta, tb).dispose(); }, dispose: () => tf.dispose([ta, tb]) };
    },
  };
}

export function benchCases(full: boolean): BenchCase[] {
  const sizes = full ? [64, 128, 256, 512, 1024, 2048] : [128, 256, 512, 1024];
  return [
    ...sizes.map((n) => matmulCase(n, 'float32')),
    matmulCase(full ? 512 : 1024, 'float64'),
    ...(full ? [matmulCase(1024, 'float64')] : []),
    ...convCases(32, 1, 10),
    ...convCases(128, 1, 10),
    ...(full ? convCases(32, 10, 10) : []),
    softmaxCase(256, 10),
    ...(full ? [softmaxCase(4096, 1000)] : []),
    addCase(1_000_000),
  ];
}
