/**
 * Each fill against the engine's own kernel (where it has one), at the sizes of the book's models:
 * the first conv layer of its CNN (batch 32, 28x28, 3x3 'same', 10 filters), its 2x2 max pool, and
 * the gradient of an Embedding(1000, 32) lookup of 32x100 ids. Same inputs, calls alternating,
 * medians. The "adapter runs" column is what the kernel plan picks on that engine.
 */
import * as dl from '@dlts/core';
import * as tf from '@tensorflow/tfjs-core';
import { activateEngine, ENGINE_NAMES, startEngine, type EngineName } from '../engine.js';
import { conv2dBackpropFilterByConv } from '../fills/conv2d_backprop_filter.js';
import { maxPoolBackwardByScatter } from '../fills/max_pool_backward.js';
import { scatterAddByScatterNd } from '../fills/scatter_add.js';
import { planKernels, type FillableKernel } from '../kernel_plan.js';
import { conv2dBackpropFilterNative } from '../kernels/conv.js';
import { maxPoolBackwardNative } from '../kernels/pool.js';
import { scatterAddNative } from '../kernels/scatter_add.js';
import { interleave } from './timing.js';

export interface FillRow {
  readonly engine: EngineName;
  readonly kernel: FillableKernel;
  readonly case: string;
  readonly fillMs: number;
  /** null where the engine lacks the kernel. */
  readonly nativeMs: number | null;
  readonly adapterRuns: 'fill' | 'native';
  readonly samples: number;
}

interface FillCase {
  readonly kernel: FillableKernel;
  readonly id: string;
  /** Builds inputs on the active engine; returns the fill, the native kernel and a disposer. */
  readonly setup: () => { fill: () => tf.Tensor; native: () => tf.Tensor; dispose: () => void };
}

const uniform = (shape: number[], seed: number) => tf.tensor(Float32Array.from(new dl.RandomState(seed).uniform(-1, 1, shape) as Float64Array), shape);

const CASES: readonly FillCase[] = [
  {
    kernel: 'Conv2DBackpropFilter', id: 'x [32,28,28,1], dy [32,28,28,10], 3x3 same',
    setup: () => {
      const info = dl.computeConv2DInfo('conv2d', [32, 28, 28, 1], [3, 3, 1, 10], 1, 'same');
      const [x, dy] = [uniform([32, 28, 28, 1], 1), uniform([32, 28, 28, 10], 2)];
      return { fill: () => conv2dBackpropFilterByConv(x, dy, info), native: () => conv2dBackpropFilterNative(x, dy, info), dispose: () => tf.dispose([x, dy]) };
    },
  },
  {
    kernel: 'MaxPoolGrad', id: 'x [32,28,28,10], 2x2 stride 2',
    setup: () => {
      const info = dl.computeConv2DInfo('maxPool', [32, 28, 28, 10], [2, 2, 10, 10], 2, 'valid');
      const [x, dy] = [uniform([32, 28, 28, 10], 3), uniform([32, 14, 14, 10], 4)];
      return { fill: () => maxPoolBackwardByScatter(dy, x, info), native: () => maxPoolBackwardNative(dy, x, info), dispose: () => tf.dispose([x, dy]) };
    },
  },
  {
    kernel: 'UnsortedSegmentSum', id: 'rows [3200,32], 1000 segments (Embedding(1000, 32) gradient)',
    setup: () => {
      const rows = uniform([3200, 32], 5);
      const ids = tf.tensor1d(new dl.RandomState(6).randint(0, 1000, [3200]), 'int32');
      return { fill: () => scatterAddByScatterNd(rows, ids, 1000), native: () => scatterAddNative(rows, ids, 1000), dispose: () => tf.dispose([rows, ids]) };
    },
  },
];

/** Runs a tfjs call and frees its result (and any intermediates). */
const call = (fn: () => tf.Tensor) => () => tf.dispose(tf.tidy(fn));

export async function measureFills(options: { engines?: readonly EngineName[]; budgetMs?: number } = {}): Promise<FillRow[]> {
  const rows: FillRow[] = [];
  for (const engine of options.engines ?? ENGINE_NAMES) {
    await startEngine(engine);
    const plan = planKernels(engine);
    for (const c of CASES) {
      activateEngine(engine);
      const { fill, native, dispose } = c.setup();
      const hasNative = tf.getKernel(c.kernel, engine) !== undefined;
      try {
        // One sample is enough for a call of seconds (tfjs-cpu's UnsortedSegmentSum); no warm-up round.
        const { medians, samples } = interleave(hasNative ? [call(fill), call(native)] : [call(fill)], options.budgetMs ?? 2000, 1, 0);
        rows.push({
          engine, kernel: c.kernel, case: c.id, fillMs: medians[0]!, nativeMs: hasNative ? medians[1]! : null,
          adapterRuns: plan.fills.has(c.kernel) ? 'fill' : 'native', samples,
        });
      } finally {
        dispose();
      }
    }
  }
  return rows;
}

export function formatFillTable(rows: readonly FillRow[]): string {
  return [
    '| engine | kernel | case | fill (ms) | engine\'s kernel (ms) | adapter runs | samples |',
    '|---|---|---|---:|---:|---|---:|',
    ...rows.map((r) =>
      `| tfjs-${r.engine} | ${r.kernel} | ${r.case} | ${r.fillMs.toFixed(2)} | ${r.nativeMs === null ? 'absent' : r.nativeMs.toFixed(2)} | ${r.adapterRuns} | ${r.samples} |`),
  ].join('\n');
}
