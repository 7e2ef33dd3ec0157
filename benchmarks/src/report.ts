import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { markdownTable } from 'markdown-table';

export interface Row {
  case: string;
  backend: string;
  dtype: string;
  /** Median milliseconds per call; null when the backend could not run the case. */
  ms: number | null;
  gflops: number | null;
  /** tfjs-cpu peer time / this time: above 1 means faster than that peer. */
  speedupVsPeer: number | null;
  /** tfjs-wasm peer time / this time (null where that peer did not run the case). */
  speedupVsWasmPeer: number | null;
  samples: number;
  note?: string;
}

const fmt = (v: number | null, digits: number): string => (v === null ? '—' : v.toFixed(digits));

const ratio = (v: number | null): string => (v === null ? '—' : `${v.toFixed(2)}x`);

export function toMarkdown(rows: readonly Row[]): string {
  return markdownTable(
    [
      ['case', 'backend', 'ms (median)', 'GFLOP/s', 'speed-up vs tfjs-cpu', 'speed-up vs tfjs-wasm', 'note'],
      ...rows.map((r) => [r.case, r.backend, fmt(r.ms, 3), fmt(r.gflops, 2), ratio(r.speedupVsPeer), ratio(r.speedupVsWasmPeer), r.note ?? '']),
    ],
    { align: ['l', 'l', 'r', 'r', 'r', 'r', 'l'] },
  );
}

/** Writes through a temporary file and a rename, so a reader never sees half a report. */
export function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
