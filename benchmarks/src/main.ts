/**
 * `pnpm bench`: kernels on every registered dlts backend, side by side in one run, with
 * TensorFlow.js called directly as the peers: its CPU backend (tfjs-cpu) and its WebAssembly
 * backend (tfjs-wasm, XNNPACK). Prints a table and writes results/latest.json and results/latest.md.
 *
 *   pnpm bench                         default cases (a few minutes on 2 cores)
 *   pnpm bench -- --full               more sizes
 *   pnpm bench -- --backends cpu,wasm  a subset of backends
 *   pnpm bench -- --cases matmul,add   cases whose id contains one of these
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
import { benchCases, type BenchCase } from './cases.js';
import { measure } from './measure.js';
import { formatOverheadTable, measureAdapterOverhead, type OverheadRow } from '@dlts/backend-tfjs';
import { loadTfjsCpu, TFJS_CPU_PEER } from './peers/tfjs_cpu.js';
import { loadTfjsWasm, TFJS_WASM_PEER } from './peers/tfjs_wasm.js';
import { toMarkdown, writeAtomic, type Row } from './report.js';

// `pnpm bench -- --full` hands the script a literal '--' (pnpm 12 forwards it); drop it.
const argv = process.argv.slice(2);
const { values: args } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: {
    full: { type: 'boolean', default: false },
    backends: { type: 'string' },
    'budget-ms': { type: 'string', default: '400' },
    'no-peer': { type: 'boolean', default: false },
    cases: { type: 'string' },
    rounds: { type: 'string', default: '2' },
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
const deferred = new Set<string>();
for (const name of wanted) {
  try {
    const backend = (await dl.loadBackend(name)) as dl.Backend & { simd?: string; threads?: number };
    available.push(name);
    if (backend.deferred) deferred.add(name);
    if (backend.simd !== undefined) notes.set(name, `${backend.simd} SIMD, ${backend.threads} thread${backend.threads === 1 ? '' : 's'}`);
  } catch (e) {
    console.log(`backend ${name}: not benchmarked: ${(e as Error).message}`);
  }
}

const peers = args['no-peer'] ? [] : [
  { name: TFJS_CPU_PEER, load: loadTfjsCpu },
  { name: TFJS_WASM_PEER, load: loadTfjsWasm },
];

const rounds = Number(args.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, got '${args.rounds}'`);

const rows: Row[] = [];
const gflops = (flops: number | undefined, ms: number) => (flops ? flops / (ms * 1e6) : null);
const line = (id: string, backend: string, ms: number | null, extra = '') =>
  console.log(`${id.padEnd(44)} ${backend.padEnd(16)} ${ms === null ? '         —' : ms.toFixed(3).padStart(10)} ms${extra}`);

const caseFilter = args.cases?.split(',');
const cases = benchCases(args.full).filter((c) => !caseFilter || caseFilter.some((f) => c.id.includes(f)));
const OVERHEAD_ID = 'tfjs adapter overhead';
const wantOverhead = !caseFilter || caseFilter.some((f) => OVERHEAD_ID.includes(f));
if (cases.length === 0 && !wantOverhead) {
  throw new Error(`--cases ${args.cases}: no case id contains that; cases: ${[...benchCases(args.full).map((c) => c.id), OVERHEAD_ID].join(', ')}`);
}

/** One column of the comparison: a peer or a dlts backend, able to time one case. */
interface Contender {
  name: string;
  /** The case's median ms on this contender, or why it cannot run it. */
  time: (c: BenchCase) => Promise<{ ms: number; samples: number } | { unavailable: string }>;
  note?: (c: BenchCase) => string | undefined;
}

const peerContenders: Contender[] = peers.map((peer) => ({
  name: peer.name,
  time: async (c) => {
    if (!c.tfjs) return { unavailable: 'no TensorFlow.js equivalent' };
    const call = c.tfjs(await peer.load());
    try {
      const t = await measure(`${c.id} ${peer.name}`, call.run, budget);
      return { ms: t.medianMs, samples: t.samples };
    } catch (e) {
      // tfjs-wasm has no Conv2DBackpropFilter kernel: recorded, not fatal.
      return { unavailable: `not available: ${(e as Error).message.split('\n')[0]}` };
    } finally {
      call.dispose();
    }
  },
}));

const backendContenders: Contender[] = available.map((name) => ({
  name,
  time: async (c) => {
    await dl.setBackend(name);
    if (!dl.getBackend().dtypes.includes(c.dtype)) return { unavailable: `no ${c.dtype} on this backend` };
    const before = dl.memory(name).numTensors;
    const call = c.dlts();
    // On a deferred backend (WebGL) a returned call has only been queued: read the result back so
    // the time covers the work (and the readback, which the note says).
    const run = deferred.has(name) ? () => { const y = call.run(); y.dataSync(); y.dispose(); } : () => call.run().dispose();
    const t = await measure(`${c.id} ${name}`, run, budget);
    call.dispose();
    if (dl.memory(name).numTensors !== before) throw new Error(`${c.id} on ${name}: leaked tensors`);
    return { ms: t.medianMs, samples: t.samples };
  },
  note: () => [notes.get(name), deferred.has(name) && 'deferred kernels: time includes reading the result back'].filter(Boolean).join('; ') || undefined,
}));

const contenders = [...peerContenders, ...backendContenders];

for (const c of cases) {
  // Every contender is timed in each round, the order reversed every other round, and keeps its
  // fastest round: what ran just before (a neighbour's garbage, a busy second core) then weighs
  // on no contender more than on another.
  const best = new Map<string, { ms: number; samples: number } | { unavailable: string }>();
  for (let round = 0; round < rounds; round++) {
    for (const k of round % 2 === 0 ? contenders : [...contenders].reverse()) {
      const prev = best.get(k.name);
      if (prev && 'unavailable' in prev) continue;
      const t = await k.time(c);
      if ('unavailable' in t || !prev || ('ms' in prev && t.ms < prev.ms)) best.set(k.name, t);
    }
  }
  const msOf = (name: string): number | null => {
    const t = best.get(name);
    return t && 'ms' in t ? t.ms : null;
  };
  const versus = (peer: string, ms: number | null): number | null => {
    const p = msOf(peer);
    return p === null || ms === null ? null : p / ms;
  };
  for (const k of contenders) {
    const t = best.get(k.name)!;
    const ms = 'ms' in t ? t.ms : null;
    const note = 'unavailable' in t ? t.unavailable : k.note?.(c);
    const row: Row = {
      case: c.id, backend: k.name, dtype: c.dtype, ms, gflops: ms === null ? null : gflops(c.flops, ms),
      speedupVsPeer: versus(TFJS_CPU_PEER, ms), speedupVsWasmPeer: versus(TFJS_WASM_PEER, ms), samples: 'ms' in t ? t.samples : 0,
      ...(note && { note }),
    };
    rows.push(row);
    const vs = [['tfjs-cpu', row.speedupVsPeer], ['tfjs-wasm', row.speedupVsWasmPeer]].filter(([p, v]) => v !== null && !k.name.startsWith(`${p} `))
      .map(([p, v]) => `${(v as number).toFixed(2)}x vs ${p}`).join(', ');
    line(c.id, k.name, ms, vs ? `  ${vs}` : note ? `  ${note}` : '');
  }
}

const table = toMarkdown(rows);
console.log(`\n${table}`);

// The tfjs backend's own cost: the 'tfjs' rows above and the tfjs-wasm peer are separate calls
// minutes apart, and XNNPACK's speed moves more than 5% between them. This measures the same calls
// interleaved, on the same engine and inputs (@dlts/backend-tfjs's bench:overhead).
let overhead: OverheadRow[] = [];
let overheadTable = '';
if (peers.length > 0 && available.includes('tfjs') && wantOverhead) {
  overhead = await measureAdapterOverhead({ engines: ['wasm'], budgetMs: Math.max(budget, 1500) });
  overheadTable = `\n\n## ${OVERHEAD_ID} (calls interleaved, same engine and inputs, medians)\n\n${formatOverheadTable(overhead)}`;
  console.log(overheadTable);
}
const meta = {
  date: new Date().toISOString(), node: process.version, execArgv: process.execArgv, cpus: cpus().length, cpu: cpus()[0]?.model,
  full: args.full, peers: peers.map((p) => p.name), budgetMs: budget, rounds,
};
writeAtomic(`${resultsDir}latest.json`, `${JSON.stringify({ ...meta, rows, adapterOverhead: overhead }, null, 2)}\n`);
writeAtomic(`${resultsDir}latest.md`, `# pnpm bench${args.full ? ' --full' : ''}\n\n${meta.date}, Node ${meta.node} ${meta.execArgv.join(' ')}, ${meta.cpus} x ${meta.cpu}\n\n${table}${overheadTable}\n`);
console.log(`\nwrote ${resultsDir}latest.json and latest.md`);
await dl.shutdownBackends();
