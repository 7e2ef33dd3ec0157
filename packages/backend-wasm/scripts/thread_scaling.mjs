/**
 * Whether this machine's cores scale for the matmul kernel: matMul 1024³ (median of 15 calls) on
 * one thread, on two threads, and as two separate one-thread processes at the same time. Where the
 * two processes each run slower than one alone, the machine (not the thread pool) limits what two
 * threads can reach. Run after `pnpm --filter @dlts/backend-wasm build`:
 *
 *   node --experimental-wasm-relaxed-simd scripts/thread_scaling.mjs [n]
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as core from '@dlts/core';
import { createWasmBackend } from '../dist/index.js';

const n = Number(process.argv[2] ?? 1024);

/** Median ms of matMul n³ on a wasm backend with `threads` threads. */
async function medianMs(threads) {
  const name = `wasm-${threads}t`;
  core.registerBackend(name, () => createWasmBackend({ threads }));
  await core.setBackend(name);
  const fill = () => Float32Array.from({ length: n * n }, (_, i) => Math.sin(i) * 0.5);
  const [a, b] = [core.tensor(fill(), [n, n]), core.tensor(fill(), [n, n])];
  for (let i = 0; i < 3; i++) core.matMul(a, b).dispose();
  const times = [];
  for (let r = 0; r < 15; r++) {
    const t = performance.now();
    core.matMul(a, b).dispose();
    times.push(performance.now() - t);
  }
  core.dispose([a, b]);
  return times.sort((x, y) => x - y)[7];
}

const gflops = (ms) => (2 * n ** 3 / ms / 1e6).toFixed(1);

if (process.argv[3] === '--one') {
  console.log(await medianMs(1));
} else {
  const self = fileURLToPath(import.meta.url);
  const run = promisify(execFile);
  const one = await medianMs(1);
  const two = await medianMs(2);
  await core.shutdownBackends();
  const pair = await Promise.all([0, 1].map(() => run(process.execPath, [...process.execArgv, self, String(n), '--one'])));
  const side = pair.map((p) => Number(p.stdout.trim()));
  console.log(`matMul ${n}³, median of 15 calls:`);
  console.log(`  1 thread:                    ${one.toFixed(2)} ms  ${gflops(one)} GFLOP/s`);
  console.log(`  2 threads:                   ${two.toFixed(2)} ms  ${gflops(two)} GFLOP/s  (${(one / two).toFixed(2)}x one thread)`);
  console.log(`  2 one-thread processes, side by side: ${side.map((ms) => `${ms.toFixed(2)} ms (${gflops(ms)} GFLOP/s)`).join(', ')}`);
}
