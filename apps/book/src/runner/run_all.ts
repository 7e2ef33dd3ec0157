import type { DType } from 'dlts';
import type { Experiment } from './experiment.js';
import { planBackends } from './backends.js';
import { runExperiment, skippedRecord, type RunOptions, type RunRecord } from './run_experiment.js';

/**
 * Runs every experiment on every planned backend (backend by backend, so each loads once),
 * calling `onRecord` as results come in.
 */
export async function runAll(
  experiments: readonly Experiment[],
  backend: string | undefined,
  dtype: DType,
  options: RunOptions & { onRecord?: (r: RunRecord) => void } = {},
): Promise<RunRecord[]> {
  const records: RunRecord[] = [];
  for (const plan of await planBackends(backend, dtype)) {
    for (const exp of experiments) {
      const record = plan.skip ? skippedRecord(exp, plan.name, dtype, plan.skip) : await runExperiment(exp, plan.name, dtype, options);
      records.push(record);
      options.onRecord?.(record);
    }
  }
  return records;
}
