/**
 * `pnpm --filter @dlts/backend-tfjs run bench:overhead [--engines wasm,cpu] [--budget-ms 1500]`:
 * prints the adapter-overhead table (see overhead.ts).
 */
import { parseEngineArgs } from './args.js';
import { formatOverheadTable, measureAdapterOverhead } from './overhead.js';

const { engines, budgetMs } = parseEngineArgs('bench:overhead', 1500);
const rows = await measureAdapterOverhead({ engines, budgetMs });
console.log('dlts tfjs backend: adapter overhead over calling tfjs directly (same engine, same inputs; medians of interleaved calls)');
console.log(formatOverheadTable(rows));
