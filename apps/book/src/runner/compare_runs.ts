import { readFileSync } from 'node:fs';
import { markdownTable } from 'markdown-table';
import { DltsError } from 'dlts';
import type { RunRecord } from './run_experiment.js';

/** The part of a `--json` record two same-seed runs must reproduce bit for bit, and its key. */
type Reproduced = Pick<RunRecord, 'id' | 'backend' | 'dtype' | 'value' | 'history' | 'weights' | 'extras'>;

export interface RunDifference extends Pick<RunRecord, 'id' | 'backend' | 'dtype'> {
  /** null: identical; otherwise the first field that differs, or that one report lacks the record. */
  readonly difference: string | null;
}

/** Reads a `dlts-book --json` report, with an error naming the file and what is wrong. */
export function readReport(path: string): Reproduced[] {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new DltsError(`compare: cannot read ${path} as a dlts-book --json report: ${(e as Error).message}`);
  }
  const experiments = (doc as { experiments?: unknown }).experiments;
  if (!Array.isArray(experiments)) throw new DltsError(`compare: ${path} has no "experiments" array (is it a --json report?)`);
  return experiments as Reproduced[];
}

const key = (r: Reproduced): string => `${r.id} ${r.backend} ${r.dtype}`;
/** What is compared: not the seconds. */
const reproduced = (r: Reproduced) => ({ value: r.value, history: r.history, weights: r.weights ?? {}, extras: r.extras ?? {} });

/** The first place where a and b differ (Object.is on every number: -0 and NaN count), or null. */
function firstDifference(a: unknown, b: unknown, path: string): string | null {
  if (typeof a === 'number' || typeof b === 'number') {
    return Object.is(a, b) ? null : `${path}: ${String(a)} vs ${String(b)}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} vs ${b.length} entries`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

/**
 * Matches the records of two reports by experiment, backend and dtype and compares what a
 * same-seed rerun must reproduce: the value, every history entry, the weights and extras (not the
 * seconds).
 */
export function compareRuns(a: readonly Reproduced[], b: readonly Reproduced[]): RunDifference[] {
  const inB = new Map(b.map((r) => [key(r), r]));
  const out: RunDifference[] = a.map((r) => {
    const other = inB.get(key(r));
    inB.delete(key(r));
    return { id: r.id, backend: r.backend, dtype: r.dtype, difference: other ? firstDifference(reproduced(r), reproduced(other), '') : 'only in the first report' };
  });
  for (const r of inB.values()) out.push({ id: r.id, backend: r.backend, dtype: r.dtype, difference: 'only in the second report' });
  return out;
}

export function comparisonOfRuns(diffs: readonly RunDifference[]): string {
  return markdownTable(
    [['experiment', 'backend', 'dtype', 'identical', 'first difference'], ...diffs.map((d) => [d.id, d.backend, d.dtype, d.difference ? 'no' : 'yes', d.difference ?? ''])],
  );
}
