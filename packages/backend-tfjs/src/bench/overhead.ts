/**
 * The adapter's overhead: the same matmul and conv2d, on the same tfjs engine and the same inputs,
 * called three ways: through dlts (core's op -> this backend -> tfjs), through this backend's
 * kernel method alone (no core op), and on tfjs directly. The calls rotate (each position in turn
 * goes first), each is timed on its own, and the medians are compared. No result is read back
 * (both engines compute synchronously).
 */
import * as dl from '@dlts/core';
import type { Backend, KernelTensor } from '@dlts/core';
import * as tf from '@tensorflow/tfjs-core';
import { createTfjsBackend } from '../create_backend.js';
import { ENGINE_NAMES, type EngineName } from '../engine.js';
import { interleave } from './timing.js';

export interface OverheadRow {
  readonly engine: EngineName;
  readonly case: string;
  /** Median milliseconds per call through dlts (core's op and this backend). */
  readonly dltsMs: number;
  /** Median milliseconds per call of this backend's kernel method, without core's op. */
  readonly kernelMs: number;
  /** Median milliseconds per call on tfjs directly. */
  readonly directMs: number;
  /** dltsMs / directMs - 1, in percent. */
  readonly overheadPct: number;
  /** kernelMs / directMs - 1, in percent: the adapter's share. */
  readonly kernelOverheadPct: number;
  /** Calls timed on each side. */
  readonly samples: number;
}

export interface OverheadOptions {
  readonly engines?: readonly EngineName[];
  /** Time to spend on each case (all sides together); at least MIN_SAMPLES calls each. */
  readonly budgetMs?: number;
}

interface Case {
  readonly id: string;
  /** Only on engines fast enough for it to finish in the budget. */
  readonly engines: readonly EngineName[];
  /** Builds the inputs on each side and returns the three calls and a disposer. */
  readonly setup: (backend: Backend<tf.Tensor>) => Calls;
}

interface Calls {
  readonly dlts: () => void;
  readonly kernel: () => void;
  readonly direct: () => void;
  readonly dispose: () => void;
}

/** A kernel tensor as core hands it to the backend. */
function kt(storage: tf.Tensor, shape: readonly number[]): KernelTensor<tf.Tensor> {
  return { storage, shape, dtype: 'float32' };
}

const MIN_SAMPLES = 15;
const WARMUP = 3;

function values(shape: number[], seed: number): Float32Array {
  return Float32Array.from(new dl.RandomState(seed).uniform(-1, 1, shape) as Float64Array);
}

function matmulCase(n: number, engines: readonly EngineName[]): Case {
  return {
    id: `matmul ${n}x${n}x${n}`,
    engines,
    setup: (backend) => {
      const [a, b] = [values([n, n], 1), values([n, n], 2)];
      const [da, db] = [dl.tensor(a, [n, n]), dl.tensor(b, [n, n])];
      const [ta, tb] = [tf.tensor2d(a, [n, n]), tf.tensor2d(b, [n, n])];
      // Core's matMul hands the backend rank-3 views.
      const [ka, kb] = [kt(ta, [1, n, n]), kt(tb, [1, n, n])];
      return {
        dlts: () => dl.matMul(da, db).dispose(),
        kernel: () => backend.disposeStorage(backend.matmul(ka, kb, false, false)),
        direct: () => tf.matMul(ta, tb).dispose(),
        dispose: () => { dl.dispose([da, db]); tf.dispose([ta, tb]); },
      };
    },
  };
}

/** 3x3 'same' convolutions of the book's CNN (Fashion-MNIST 28x28 images, batch 32). */
function convCase(batch: number, inC: number, outC: number, engines: readonly EngineName[]): Case {
  const xs: [number, number, number, number] = [batch, 28, 28, inC];
  const fs: [number, number, number, number] = [3, 3, inC, outC];
  return {
    id: `conv2d [${xs}]x[${fs}] same`,
    engines,
    setup: (backend) => {
      const [x, f] = [values(xs, 3), values(fs, 4)];
      const [dx, df] = [dl.tensor(x, xs), dl.tensor(f, fs)];
      const [tx, tfl] = [tf.tensor4d(x, xs), tf.tensor4d(f, fs)];
      const [kx, kf] = [kt(tx, xs), kt(tfl, fs)];
      const info = dl.computeConv2DInfo('conv2d', xs, fs, 1, 'same');
      return {
        dlts: () => dl.conv2d(dx, df, 1, 'same').dispose(),
        kernel: () => backend.disposeStorage(backend.conv2d(kx, kf, info)),
        direct: () => tf.conv2d(tx, tfl, 1, 'same').dispose(),
        dispose: () => { dl.dispose([dx, df]); tf.dispose([tx, tfl]); },
      };
    },
  };
}

const BOTH = ENGINE_NAMES;
const WASM: readonly EngineName[] = ['wasm'];
const CASES: readonly Case[] = [
  matmulCase(128, BOTH), matmulCase(256, BOTH), matmulCase(512, WASM), matmulCase(1024, WASM),
  convCase(32, 1, 10, BOTH), convCase(32, 10, 10, WASM),
];

export async function measureAdapterOverhead(options: OverheadOptions = {}): Promise<OverheadRow[]> {
  const budgetMs = options.budgetMs ?? 1500;
  const rows: OverheadRow[] = [];
  for (const engine of options.engines ?? ENGINE_NAMES) {
    const name = `tfjs-overhead-${engine}`;
    if (!dl.registeredBackends().includes(name)) dl.registerBackend(name, () => createTfjsBackend({ engine }));
    const backend = (await dl.setBackend(name)) as Backend<tf.Tensor>;
    for (const c of CASES.filter((k) => k.engines.includes(engine))) {
      // Every side runs on this engine; the dlts sides keep it active, and so does this.
      await tf.setBackend(engine);
      const calls = c.setup(backend);
      try {
        const { medians: [dltsMs, kernelMs, directMs], samples } = interleave([calls.dlts, calls.kernel, calls.direct], budgetMs, MIN_SAMPLES, WARMUP);
        rows.push({
          engine, case: c.id, dltsMs: dltsMs!, kernelMs: kernelMs!, directMs: directMs!, samples,
          overheadPct: (dltsMs! / directMs! - 1) * 100, kernelOverheadPct: (kernelMs! / directMs! - 1) * 100,
        });
      } finally {
        calls.dispose();
      }
    }
  }
  return rows;
}

/** The rows as a markdown table. */
export function formatOverheadTable(rows: readonly OverheadRow[]): string {
  const pct = (p: number) => `${p >= 0 ? '+' : ''}${p.toFixed(1)}%`;
  const lines = [
    '| engine | case | tfjs direct (ms) | dlts (ms) | overhead | backend kernel alone (ms) | its overhead | samples |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) =>
      `| tfjs-${r.engine} | ${r.case} | ${r.directMs.toFixed(3)} | ${r.dltsMs.toFixed(3)} | ${pct(r.overheadPct)} | ` +
        `${r.kernelMs.toFixed(3)} | ${pct(r.kernelOverheadPct)} | ${r.samples} |`),
  ];
  return lines.join('\n');
}
