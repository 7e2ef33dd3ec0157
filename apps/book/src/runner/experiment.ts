import type { DType } from 'dlts';
import type { VegaLiteSpec } from '../plots/chart.js';

/**
 * What the book printed for an experiment.
 * - exact: the notebook's seeded float64 result. Accuracies must be identical on cpu float64;
 *   `relTol` loosens that for printed weights (BLAS and exp differ from numpy in the last bits).
 * - band: an unseeded notebook run (sklearn, Keras); ours must land inside or above the range
 *   printed across the notebook's revisions.
 */
export type BookTarget =
  | { readonly kind: 'exact'; readonly value: number; readonly relTol?: number }
  | { readonly kind: 'band'; readonly low: number; readonly high: number };

/**
 * How far a float32 run, or a run on another backend, may land from the book: an absolute
 * difference (one evaluation sample, 1/n, for accuracies) or a relative one (weights).
 */
export type Tolerance = { readonly abs: number } | { readonly rel: number };

export interface RunContext {
  readonly backend: string;
  readonly dtype: DType;
  /** --epochs: replaces the book's epoch counts (the book's value then no longer applies). */
  readonly epochs?: number;
  /**
   * Whether charts are wanted. Work done only for a chart (weight histories, the l1/l2 sweeps the
   * book plots before choosing a strength) is skipped without them.
   */
  readonly plotting: boolean;
  /** Adds a chart the book draws; rendered to reports/ after the run (ignored when not plotting). */
  plot(name: string, spec: VegaLiteSpec): void;
  /** A progress line (stderr in the CLI). */
  log(line: string): void;
}

export interface ExperimentOutput {
  readonly value: number;
  readonly history: { readonly loss: readonly number[]; readonly val_loss?: readonly number[] };
  readonly weights?: Readonly<Record<string, number | readonly number[]>>;
  /** Other printed figures (Ch03's first prediction, the epoch count sklearn stopped at...). */
  readonly extras?: Readonly<Record<string, number>>;
}

export interface Experiment {
  /** Stable id, `ch05.l2`. */
  readonly id: string;
  readonly chapter: number;
  readonly title: string;
  /** What `value` is: `val_accuracy`, `test_accuracy`, `w`... */
  readonly metric: string;
  readonly book: BookTarget;
  readonly tolerance: Tolerance;
  /** Loads and caches the data (in the run's dtype), so that the timed run measures training only. */
  prepare?(dtype: DType): Promise<void>;
  run(ctx: RunContext): ExperimentOutput | Promise<ExperimentOutput>;
}
