import { parseArgs } from 'node:util';
import { ENGINE_NAMES, type EngineName } from '../engine.js';

/** `--engines wasm,cpu` and `--budget-ms N` of the bench commands (pnpm may forward a leading `--`). */
export function parseEngineArgs(command: string, defaultBudgetMs: number): { engines: EngineName[]; budgetMs: number } {
  const argv = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
  const { values: args } = parseArgs({
    args: argv,
    options: { engines: { type: 'string' }, 'budget-ms': { type: 'string', default: String(defaultBudgetMs) } },
  });
  const engines = args.engines ? args.engines.split(',') : [...ENGINE_NAMES];
  const unknown = engines.filter((e) => !ENGINE_NAMES.includes(e as EngineName));
  if (unknown.length > 0) throw new Error(`${command}: unknown engine(s) ${unknown.join(', ')}; available: ${ENGINE_NAMES.join(', ')}`);
  const budgetMs = Number(args['budget-ms']);
  if (!(budgetMs > 0)) throw new Error(`${command}: --budget-ms must be a positive number, got '${args['budget-ms']}'`);
  return { engines: engines as EngineName[], budgetMs };
}
