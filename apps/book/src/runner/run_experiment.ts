import { join } from 'node:path';
import { memory, setBackend, type DType } from 'dlts';
import type { Experiment, ExperimentOutput } from './experiment.js';
import { compare, meetsBar, type Match } from './comparison.js';
import type { VegaLiteSpec } from '../plots/chart.js';
import { renderSvg } from '../plots/render_svg.js';
import { atomicWrite } from './atomic_write.js';

export interface RunOptions {
  readonly epochs?: number;
  /** Folder the charts go to (`<reports>/<backend>-<dtype>/<id>.<chart>.svg`); no charts without it. */
  readonly reportsDir?: string;
  readonly log?: (line: string) => void;
}

/** One experiment on one backend and dtype: the JSON record plus the comparison. */
export interface RunRecord {
  readonly id: string;
  readonly chapter: number;
  readonly title: string;
  readonly backend: string;
  readonly dtype: DType;
  readonly metric: string;
  readonly value: number | null;
  /** The printed value, or the printed band. */
  readonly book: number | { readonly low: number; readonly high: number };
  readonly seconds: number | null;
  readonly history: { readonly loss: readonly number[]; readonly val_loss?: readonly number[] };
  readonly weights?: ExperimentOutput['weights'];
  readonly extras?: ExperimentOutput['extras'];
  readonly match: Match | 'error' | 'skipped';
  readonly difference: number | null;
  /** Whether the result meets the bar (see comparison.ts). */
  readonly ok: boolean;
  /** Tensors left alive on the backend by the run (always 0 unless there is a leak). */
  readonly leakedTensors: number;
  readonly plots: readonly string[];
  /** Why the run failed or was skipped. */
  readonly error?: string;
}

export function bookValue(exp: Experiment): RunRecord['book'] {
  return exp.book.kind === 'exact' ? exp.book.value : { low: exp.book.low, high: exp.book.high };
}

function base(exp: Experiment, backend: string, dtype: DType) {
  return { id: exp.id, chapter: exp.chapter, title: exp.title, backend, dtype, metric: exp.metric, book: bookValue(exp) };
}

/** A record for a combination that was not run (a backend that did not load, a dtype it lacks). */
export function skippedRecord(exp: Experiment, backend: string, dtype: DType, reason: string): RunRecord {
  return { ...base(exp, backend, dtype), value: null, seconds: null, history: { loss: [] }, match: 'skipped', difference: null, ok: true, leakedTensors: 0, plots: [], error: reason };
}

/**
 * Runs `exp` on `backend` (made current) in `dtype`: prepares its data, times the run, checks
 * that it left no tensor behind, compares with the book and renders its charts.
 */
export async function runExperiment(exp: Experiment, backend: string, dtype: DType, options: RunOptions = {}): Promise<RunRecord> {
  const log = options.log ?? (() => {});
  const charts: [string, VegaLiteSpec][] = [];
  const plotting = options.reportsDir !== undefined;
  await setBackend(backend);
  const before = memory(backend).numTensors;
  let out: ExperimentOutput;
  let seconds: number;
  try {
    await exp.prepare?.(dtype);
    const start = performance.now();
    out = await exp.run({
      backend,
      dtype,
      ...(options.epochs !== undefined ? { epochs: options.epochs } : {}),
      plotting,
      plot: (name, spec) => {
        if (plotting) charts.push([name, spec]);
      },
      log,
    });
    seconds = (performance.now() - start) / 1000;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ...base(exp, backend, dtype), value: null, seconds: null, history: { loss: [] }, match: 'error', difference: null, ok: false, leakedTensors: memory(backend).numTensors - before, plots: [], error: message };
  }
  const leakedTensors = memory(backend).numTensors - before;
  const { match, difference } = compare(exp, out.value, options.epochs !== undefined);
  const plots: string[] = [];
  for (const [name, spec] of charts) {
    const path = join(options.reportsDir!, `${backend}-${dtype}`, `${exp.id}.${name}.svg`);
    atomicWrite(path, await renderSvg(spec));
    plots.push(path);
  }
  return {
    ...base(exp, backend, dtype),
    value: out.value,
    seconds,
    history: out.history,
    ...(out.weights ? { weights: out.weights } : {}),
    ...(out.extras ? { extras: out.extras } : {}),
    match,
    difference,
    ok: meetsBar(match, backend, dtype) && leakedTensors === 0,
    leakedTensors,
    plots,
  };
}
