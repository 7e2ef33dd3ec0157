/**
 * `pnpm bench`: kernels on every registered dlts backend, side by side in one run, with
 * TensorFlow.js called directly as the peers: its CPU backend (tfjs-cpu) and its WebAssembly
 * backend (tfjs-wasm, XNNPACK). Prints a table and writes results/latest.json and results/latest.md.
 *
 *   pnpm bench                         default cases (a few minutes on 2 cores)
 *   pnpm bench -- --full               more sizes
 *   pnpm bench -- --backends cpu,wasm  a subset of backends
 *
 * The bench script starts node with --experimental-wasm-relaxed-simd, so on Node 20 the wasm
 * backend runs its relaxed-SIMD build (fused multiply-add); wasm-plain-1t keeps the plain build
 * in the table for comparison.
 */
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as dl from 'dlts';
import type { WasmBackendOptions } from '@dlts/backend-wasm';
import { benchCases } from './cases.js';
import { measure } from './measure.js';
import { loadTfjsCpu, TFJS_CPU_PEER } from './peers/tfjs_cpu.js';
import { loadTfjsWasm, TFJS_WASM_PEER } from './peers/tfjs_wasm.js';
import { toMarkdown, writeAtomic, type Row } from './report.js';

const { values: args } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    backends: { type: 'string' },
    'budget-ms': { type: 'string', default: '400' },
    'no-peer': { type: 'boolean', default: false },
  },
});

/**
 * wasm configurations registered under extra names, so one run compares them with the default
 * 'wasm' (every thread, relaxed SIMD where the runtime has it).
 */
const WASM_VARIANTS: Record<string, WasmBackendOptions> = {
  'wasm-1t': { threads: 1 },
  'wasm-plain-1t': { threads: 1, relaxedSimd: false },
};
const loadWasm = (options: WasmBackendOptions) => async () => (await import('@dlts/backend-wasm')).createWasmBackend(options);
for (const [name, options] of Object.entries(WASM_VARIANTS)) dl.registerBackend(name, loadWasm(options));

const budget = Number(args['budget-ms']);
const wanted = args.backends ? args.backends.split(',') : dl.registeredBackends();
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));

const available: string[] = [];
const notes = new Map<string, string>();
for (const name of wanted) {
  try {
    const backend = (await dl.loadBackend(name)) as dl.Backend & { simd?: string; threads?: number };
    available.push(name);
    if (backend.simd !== undefined) notes.set(name, `${backend.simd} SIMD, ${backend.threads} thread${backend.threads === 1 ? '' : 's'}`);
  } catch (e) {
    console.log(`backend ${name}: not benchmarked: ${(e as Error).message}`);
  }
}

const peers = args['no-peer'] ? [] : [
  { name: TFJS_CPU_PEER, load: loadTfjsCpu },
  { name: TFJS_WASM_PEER, load: loadTfjsWasm },
];

const rows: Row[] = [];
const gflops = (flops: number | undefined, ms: number) => (flops ? flops / (ms * 1e6) : null);
const line = (id: string, backend: string, ms: number | null, extra = '') =>
  console.log(`${id.padEnd(44)} ${backend.padEnd(16)} ${ms === null ? '         —' : ms.toFixed(3).padStart(10)} ms${extra}`);

for (const c of benchCases(args.full)) {
  const peerMs = new Map<string, number | null>();
  const peerRows: Row[] = [];
  for (const peer of peers) {
    if (!c.tfjs) continue;
    const tf = await peer.load();
    let ms: number | null = null;
    let samples = 0;
    let note: string | undefined;
    const call = c.tfjs(tf);
    try {
      const t = await measure(`${c.id} ${peer.name}`, call.run, budget);
      ms = t.medianMs;
      samples = t.samples;
    } catch (e) {
      // tfjs-wasm has no Conv2DBackpropFilter kernel: recorded, not fatal.
      note = `not available: ${(e as Error).message.split('\n')[0]}`;
    } finally {
      call.dispose();
    }
    peerMs.set(peer.name, ms);
    peerRows.push({ case: c.id, backend: peer.name, dtype: c.dtype, ms, gflops: ms === null ? null : gflops(c.flops, ms), speedupVsPeer: null, speedupVsWasmPeer: null, samples, ...(note && { note }) });
    line(c.id, peer.name, ms, note ? `  ${note}` : '');
  }
  const versus = (peer: string, ms: number | null): number | null => {
    const p = peerMs.get(peer);
    return p === undefined || p === null || ms === null ? null : p / ms;
  };
  for (const r of peerRows) {
    r.speedupVsPeer = versus(TFJS_CPU_PEER, r.ms);
    r.speedupVsWasmPeer = versus(TFJS_WASM_PEER, r.ms);
    rows.push(r);
  }
  for (const name of available) {
    await dl.setBackend(name);
    const note = notes.get(name);
    if (!dl.getBackend().dtypes.includes(c.dtype)) {
      rows.push({ case: c.id, backend: name, dtype: c.dtype, ms: null, gflops: null, speedupVsPeer: null, speedupVsWasmPeer: null, samples: 0, note: `no ${c.dtype} on this backend` });
      continue;
    }
    const before = dl.memory(name).numTensors;
    const call = c.dlts();
    // On a deferred backend (WebGL) a returned call has only been queued: read the result back so
    // the time covers the work (and the readback, which the note says).
    const deferred = dl.getBackend().deferred === true;
    const run = deferred ? () => { const y = call.run(); y.dataSync(); y.dispose(); } : () => call.run().dispose();
    const t = await measure(`${c.id} ${name}`, run, budget);
    call.dispose();
    if (dl.memory(name).numTensors !== before) throw new Error(`${c.id} on ${name}: leaked tensors`);
    const row: Row = {
      case: c.id, backend: name, dtype: c.dtype, ms: t.medianMs, gflops: gflops(c.flops, t.medianMs),
      speedupVsPeer: versus(TFJS_CPU_PEER, t.medianMs), speedupVsWasmPeer: versus(TFJS_WASM_PEER, t.medianMs), samples: t.samples,
      ...((note || deferred) && { note: [note, deferred && 'deferred kernels: time includes reading the result back'].filter(Boolean).join('; ') }),
    };
    rows.push(row);
    const vs = [['tfjs-cpu', row.speedupVsPeer], ['tfjs-wasm', row.speedupVsWasmPeer]].filter(([, v]) => v !== null)
      .map(([p, v]) => `${(v as number).toFixed(2)}x vs ${p}`).join(', ');
    line(c.id, name, t.medianMs, vs ? `  ${vs}` : '');
  }
}

const table = toMarkdown(rows);
console.log(`\n${table}`);
const meta = {
  date: new Date().toISOString(), node: process.version, execArgv: process.execArgv, cpus: cpus().length, cpu: cpus()[0]?.model,
  full: args.full, peers: peers.map((p) => p.name), budgetMs: budget,
};
writeAtomic(`${resultsDir}latest.json`, `${JSON.stringify({ ...meta, rows }, null, 2)}\n`);
writeAtomic(`${resultsDir}latest.md`, `# pnpm bench${args.full ? ' --full' : ''}\n\n${meta.date}, Node ${meta.node} ${meta.execArgv.join(' ')}, ${meta.cpus} x ${meta.cpu}\n\n${table}\n`);
console.log(`\nwrote ${resultsDir}latest.json and latest.md`);
await dl.shutdownBackends();
