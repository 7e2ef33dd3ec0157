/**
 * Times this backend's kernels in both modes next to @dlts/backend-cpu, through the backend API
 * (no autograd, no tensor bookkeeping). Each timed call reads its result back, because a WebGL
 * call only queues work: without the read it returns in microseconds, before anything ran.
 *
 *   pnpm --filter @dlts/backend-gpujs build
 *   xvfb-run -a -s "-screen 0 1280x1024x24 +extension GLX" pnpm --filter @dlts/backend-gpujs bench
 *
 * Prints a markdown table: median ms per call after one warm-up call (which compiles the kernel;
 * its time is the "first call" column) and GFLOP/s where the flop count is meaningful.
 */
import { cpus } from 'node:os';
import { createCpuBackend } from '@dlts/backend-cpu';
import { RandomState, computeConv2DInfo } from '@dlts/core';
import { createGpujsBackend } from '../dist/index.js';

const BUDGET_MS = 3000;

function values(n, seed) {
  return Float32Array.from(new RandomState(seed).uniform(-1, 1, [n]));
}

function matmulCase(n) {
  return {
    id: `matmul ${n}x${n}x${n}`, flops: 2 * n ** 3,
    setup: (be) => [be.write(values(n * n, 1), [1, n, n], 'float32'), be.write(values(n * n, 2), [1, n, n], 'float32')],
    run: (be, [a, b]) => be.matmul(a, b, false, false),
  };
}

/** The book's CNN layer: 3x3 'same' conv, stride 1, on 28x28 images. */
function convCases(batch, inC, outC) {
  const xs = [batch, 28, 28, inC];
  const fs = [3, 3, inC, outC];
  const ys = [batch, 28, 28, outC];
  const info = computeConv2DInfo('conv2d', xs, fs, 1, 'same');
  const flops = 2 * batch * 28 * 28 * outC * 9 * inC;
  const size = (s) => s.reduce((a, b) => a * b, 1);
  const label = `[${xs}]x[${fs}]`;
  return [
    { id: `conv2d ${label}`, flops, setup: (be) => [be.write(values(size(xs), 3), xs, 'float32'), be.write(values(size(fs), 4), fs, 'float32')], run: (be, [x, f]) => be.conv2d(x, f, info) },
    { id: `conv2dBackpropInput ${label}`, flops, setup: (be) => [be.write(values(size(ys), 5), ys, 'float32'), be.write(values(size(fs), 4), fs, 'float32')], run: (be, [dy, f]) => be.conv2dBackpropInput(dy, f, info) },
    { id: `conv2dBackpropFilter ${label}`, flops, setup: (be) => [be.write(values(size(xs), 3), xs, 'float32'), be.write(values(size(ys), 5), ys, 'float32')], run: (be, [x, dy]) => be.conv2dBackpropFilter(x, dy, info) },
  ];
}

const cases = [
  matmulCase(128), matmulCase(256), matmulCase(512), matmulCase(1024),
  ...convCases(32, 1, 10),
  { id: 'softmax [256,10]', setup: (be) => [be.write(values(2560, 6), [256, 10], 'float32')], run: (be, [x]) => be.softmax(x) },
  { id: 'add 1,000,000 values', flops: 1e6, setup: (be) => [be.write(values(1e6, 7), [1e6], 'float32'), be.write(values(1e6, 8), [1e6], 'float32')], run: (be, [a, b]) => be.binary('add', a, b, [1e6]) },
];

function time(be, inputs, run) {
  const t = performance.now();
  const y = run(be, inputs);
  be.readSync(y);
  be.disposeStorage(y);
  return performance.now() - t;
}

const backends = [
  ['gpujs (WebGL)', await createGpujsBackend({ mode: 'gpu' })],
  ['gpujs-cpu', await createGpujsBackend({ mode: 'cpu' })],
  ['cpu', createCpuBackend()],
];
console.log(`${new Date().toISOString()}, Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model}; WebGL ${backends[0][1].info().webgl}\n`);
console.log('| case | backend | first call ms | median ms | GFLOP/s |\n| --- | --- | --- | --- | --- |');
for (const c of cases) {
  for (const [name, be] of backends) {
    const inputs = c.setup(be);
    const first = time(be, inputs, c.run);
    const samples = [];
    const start = performance.now();
    while (samples.length < 3 || (samples.length < 15 && performance.now() - start < BUDGET_MS)) samples.push(time(be, inputs, c.run));
    inputs.forEach((t) => be.disposeStorage(t));
    samples.sort((a, b) => a - b);
    const median = samples[samples.length >> 1];
    const gflops = c.flops ? (c.flops / (median * 1e6)).toFixed(2) : '';
    console.log(`| ${c.id} | ${name} | ${first.toFixed(1)} | ${median.toFixed(2)} | ${gflops} |`);
  }
}
for (const [, be] of backends) await be.shutdown?.();
