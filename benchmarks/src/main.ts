/**
 * `pnpm bench`: kernels on every registered dlts backend, side by side in one run, with
 * TensorFlow.js's CPU backend called directly as the peer. Prints a table and writes
 * results/latest.json and results/latest.md.
 *
 *   pnpm bench                     default cases (a few minutes on 2 cores)
 *   pnpm bench -- --full           more sizes
 *   pnpm bench -- --backends cpu   a subset of backends
 */
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as dl from 'dlts';
import { benchCases } from './cases.js';
import { measure } from './measure.js';
import { loadTfjsCpu, TFJS_CPU_PEER } from './peers/tfjs_cpu.js';
import { toMarkdown, writeAtomic, type Row } from './report.js';

const { values: args } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    backends: { type: 'string' },
    'budget-ms': { type: 'string', default: '400' },
    'no-peer': { type: 'boolean', default: false },
  },
});

const budget = Number(args['budget-ms']);
const wanted = args.backends ? args.backends.split(',') : dl.registeredBackends();
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));

const available: string[] = [];
for (const name of wanted) {
  try {
    await dl.loadBackend(name);
    available.push(name);
  } catch (e) {
    console.log(`backend ${name}: not benchmarked: ${(e as Error).message}`);
  }
}
const tf = args['no-peer'] ? undefined : await loadTfjsCpu();

const rows: Row[] = [];
const gflops = (flops: number | undefined, ms: number) => (flops ? flops / (ms * 1e6) : null);

for (const c of benchCases(args.full)) {
  let peerMs: number | null = null;
  if (tf && c.tfjs) {
    const call = c.tfjs(tf);
    const t = await measure(`${c.id} ${TFJS_CPU_PEER}`, call.run, budget);
    call.dispose();
    peerMs = t.medianMs;
    rows.push({ case: c.id, backend: TFJS_CPU_PEER, dtype: c.dtype, ms: t.medianMs, gflops: gflops(c.flops, t.medianMs), speedupVsPeer: 1, samples: t.samples });
    console.log(`${c.id.padEnd(44)} ${TFJS_CPU_PEER.padEnd(16)} ${t.medianMs.toFixed(3).padStart(10)} ms`);
  }
  for (const name of available) {
    await dl.setBackend(name);
    if (!dl.getBackend().dtypes.includes(c.dtype)) {
      rows.push({ case: c.id, backend: name, dtype: c.dtype, ms: null, gflops: null, speedupVsPeer: null, samples: 0, note: `no ${c.dtype} on this backend` });
      continue;
    }
    const before = dl.memory(name).numTensors;
    const call = c.dlts();
    const t = await measure(`${c.id} ${name}`, call.run, budget);
    call.dispose();
    if (dl.memory(name).numTensors !== before) throw new Error(`${c.id} on ${name}: leaked tensors`);
    rows.push({
      case: c.id, backend: name, dtype: c.dtype, ms: t.medianMs, gflops: gflops(c.flops, t.medianMs),
      speedupVsPeer: peerMs === null ? null : peerMs / t.medianMs, samples: t.samples,
    });
    console.log(`${c.id.padEnd(44)} ${name.padEnd(16)} ${t.medianMs.toFixed(3).padStart(10)} ms${peerMs === null ? '' : `  ${(peerMs / t.medianMs).toFixed(2)}x vs peer`}`);
  }
}

const peerName = tf ? TFJS_CPU_PEER : 'none';
const table = toMarkdown(rows, 'tfjs-cpu');
console.log(`\n${table}`);
const meta = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, full: args.full, peer: peerName, budgetMs: budget };
writeAtomic(`${resultsDir}latest.json`, `${JSON.stringify({ ...meta, rows }, null, 2)}\n`);
writeAtomic(`${resultsDir}latest.md`, `# pnpm bench${args.full ? ' --full' : ''}\n\n${meta.date}, Node ${meta.node}, ${meta.cpus} x ${meta.cpu}\n\n${table}\n`);
console.log(`\nwrote ${resultsDir}latest.json and latest.md`);
await dl.shutdownBackends();
