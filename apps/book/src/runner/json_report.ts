import type { RunRecord } from './run_experiment.js';

/** The `--json` document: `{"experiments": [...]}`, one record per experiment and backend. */
export function jsonReport(records: readonly RunRecord[]): string {
  return JSON.stringify({ experiments: records }, null, 2);
}
