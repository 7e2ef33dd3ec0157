import { performance } from 'node:perf_hooks';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Milliseconds one call of fn takes. */
export function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/**
 * Rotates the calls (each position in turn goes first) until the budget is spent and each has
 * minSamples timings, after `warmup` untimed rounds; returns each call's median.
 */
export function interleave(fns: readonly (() => void)[], budgetMs: number, minSamples: number, warmup: number): { medians: number[]; samples: number } {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const times: number[][] = fns.map(() => []);
  const start = performance.now();
  for (let round = 0; round < minSamples || performance.now() - start < budgetMs; round++) {
    for (let k = 0; k < fns.length; k++) {
      const i = (round + k) % fns.length;
      times[i]!.push(time(fns[i]!));
    }
  }
  return { medians: times.map(median), samples: times[0]!.length };
}
