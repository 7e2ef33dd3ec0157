import { markdownTable } from 'markdown-table';
import type { RunRecord } from './run_experiment.js';

/** Full float64 digits for results, so that "identical" can be checked by eye. */
function num(v: number | null): string {
  return v === null ? '-' : String(v);
}

function signed(v: number | null): string {
  if (v === null) return '-';
  if (v === 0) return '0';
  return (v > 0 ? '+' : '') + v.toPrecision(3);
}

function book(b: RunRecord['book']): string {
  return typeof b === 'number' ? String(b) : b.low === b.high ? `band ${b.low}` : `band ${b.low}-${b.high}`;
}

/**
 * The comparison table: one row per experiment and backend (grouped by experiment, so
 * `--backend all` reads as experiment x backend), with the book's value, the difference, how it
 * matches and the seconds the run took.
 */
export function comparisonTable(records: readonly RunRecord[]): string {
  const order = [...new Set(records.map((r) => r.id))];
  const sorted = [...records].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const rows = sorted.map((r) => [
    r.id,
    r.backend,
    r.dtype,
    r.metric,
    num(r.value),
    book(r.book),
    signed(r.difference),
    r.match + (r.leakedTensors ? ` (${r.leakedTensors} tensors leaked)` : '') + (r.error ? `: ${r.error}` : ''),
    r.seconds === null ? '-' : r.seconds.toFixed(2),
  ]);
  return markdownTable([['experiment', 'backend', 'dtype', 'metric', 'value', 'book', 'difference', 'match', 'seconds'], ...rows], {
    align: ['l', 'l', 'l', 'l', 'r', 'r', 'r', 'l', 'r'],
  });
}
