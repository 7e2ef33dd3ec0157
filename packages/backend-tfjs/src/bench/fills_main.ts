/**
 * `pnpm --filter @dlts/backend-tfjs run bench:fills [--engines wasm,cpu] [--budget-ms 2000]`:
 * prints each fill against the engine's own kernel (see fills.ts). About a minute: tfjs-cpu's
 * UnsortedSegmentSum alone takes seconds a call.
 */
import { parseEngineArgs } from './args.js';
import { formatFillTable, measureFills } from './fills.js';

const { engines, budgetMs } = parseEngineArgs('bench:fills', 2000);
const rows = await measureFills({ engines, budgetMs });
console.log('dlts tfjs backend: fills against the engine\'s own kernels (same inputs; medians of alternating calls)');
console.log(formatFillTable(rows));
