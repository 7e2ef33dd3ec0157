/**
 * The machine's f32x4 fused-multiply-add peak, the ceiling for the matmul and conv kernels'
 * GFLOP/s: ten independent relaxed_madd chains (more than an FMA's latency x pipes), on one
 * thread and then on every core at once (worker threads, each its own instance).
 *
 *   node --experimental-wasm-relaxed-simd scripts/fma_peak.mjs
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import asc from 'assemblyscript/asc';

const SOURCE = `
export function run(iters: i32): f32 {
  let a0 = f32x4.splat(0), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0;
  const x = f32x4.splat(1.0000001), y = f32x4.splat(0.9999999);
  for (let i = 0; i < iters; i++) {
    a0 = f32x4.relaxed_madd(x, y, a0); a1 = f32x4.relaxed_madd(x, y, a1); a2 = f32x4.relaxed_madd(x, y, a2);
    a3 = f32x4.relaxed_madd(x, y, a3); a4 = f32x4.relaxed_madd(x, y, a4); a5 = f32x4.relaxed_madd(x, y, a5);
    a6 = f32x4.relaxed_madd(x, y, a6); a7 = f32x4.relaxed_madd(x, y, a7); a8 = f32x4.relaxed_madd(x, y, a8);
    a9 = f32x4.relaxed_madd(x, y, a9);
  }
  const s = f32x4.add(f32x4.add(f32x4.add(a0, a1), f32x4.add(a2, a3)),
    f32x4.add(f32x4.add(f32x4.add(a4, a5), f32x4.add(a6, a7)), f32x4.add(a8, a9)));
  return f32x4.extract_lane(s, 0);
}`;
/** Flops per iteration: 10 multiply-adds of 4 lanes. */
const FLOPS = 10 * 4 * 2;
const ITERS = 2e8;

async function compile() {
  let binary;
  const { error } = await asc.main(['peak.ts', '-O3', '--runtime', 'stub', '--enable', 'simd', '--enable', 'relaxed-simd', '--outFile', 'peak.wasm'], {
    readFile: (name) => (name === 'peak.ts' ? SOURCE : null),
    writeFile: (name, contents) => { if (name === 'peak.wasm') binary = contents; },
    stdout: { write: () => true },
    stderr: { write: (s) => (process.stderr.write(String(s)), true) },
  });
  if (error) throw error;
  return binary;
}

/** Best GFLOP/s of three timed runs (after a warm-up). */
async function gflops(binary) {
  const { instance } = await WebAssembly.instantiate(binary);
  instance.exports.run(1e6);
  let best = 0;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    instance.exports.run(ITERS);
    best = Math.max(best, (ITERS * FLOPS) / ((performance.now() - t) / 1e3) / 1e9);
  }
  return best;
}

if (isMainThread) {
  const binary = await compile();
  console.log(`1 thread: ${(await gflops(binary)).toFixed(1)} GFLOP/s`);
  const threads = availableParallelism();
  const workers = Array.from({ length: threads }, () => new Worker(new URL(import.meta.url), { workerData: binary }));
  const each = await Promise.all(workers.map((w) => new Promise((resolve, reject) => w.once('message', resolve).once('error', reject))));
  console.log(`${threads} threads at once: ${each.map((g) => g.toFixed(1)).join(' + ')} = ${each.reduce((s, g) => s + g, 0).toFixed(1)} GFLOP/s`);
} else {
  parentPort.postMessage(await gflops(workerData));
}
