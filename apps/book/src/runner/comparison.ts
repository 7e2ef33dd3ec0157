import type { DType } from 'dlts';
import type { Experiment } from './experiment.js';

/**
 * How a result stands against the book:
 * - exact: identical to the printed value (or within the row's relTol, for printed weights);
 * - within tolerance: off by at most the row's tolerance (one evaluation sample, or a relative bound);
 * - outside tolerance: further off;
 * - in band / above band / below band: for rows the book printed from unseeded runs;
 * - not compared: --epochs replaced the book's epoch counts.
 */
export type Match = 'exact' | 'within tolerance' | 'outside tolerance' | 'in band' | 'above band' | 'below band' | 'not compared';

export interface Comparison {
  readonly match: Match;
  /** value - book (for a band: distance to the nearest end, 0 inside). */
  readonly difference: number;
}

export function compare(exp: Experiment, value: number, epochsOverridden: boolean): Comparison {
  const book = exp.book;
  if (book.kind === 'band') {
    const difference = value < book.low ? value - book.low : value > book.high ? value - book.high : 0;
    return { match: epochsOverridden ? 'not compared' : difference < 0 ? 'below band' : difference > 0 ? 'above band' : 'in band', difference };
  }
  const difference = value - book.value;
  if (epochsOverridden) return { match: 'not compared', difference };
  const rel = Math.abs(difference) / Math.abs(book.value);
  if (difference === 0 || (book.relTol !== undefined && rel <= book.relTol)) return { match: 'exact', difference };
  const tol = exp.tolerance;
  const within = 'abs' in tol ? Math.abs(difference) <= tol.abs * (1 + 1e-12) : rel <= tol.rel;
  return { match: within ? 'within tolerance' : 'outside tolerance', difference };
}

/**
 * Whether a result meets the bar: exact rows exact on cpu float64, within tolerance
 * elsewhere; band rows inside or above their band.
 */
export function meetsBar(match: Match, backend: string, dtype: DType): boolean {
  switch (match) {
    case 'exact':
    case 'in band':
    case 'above band':
    case 'not compared':
      return true;
    case 'within tolerance':
      return !(backend === 'cpu' && dtype === 'float64');
    default:
      return false;
  }
}
