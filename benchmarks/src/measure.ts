import { Bench } from 'tinybench';

export interface Timing {
  /** Median latency in milliseconds. */
  medianMs: number;
  samples: number;
}

/**
 * Median time of `run`. Each case gets a short time budget but at least a few samples: big
 * cases on slow backends take seconds per call.
 */
export async function measure(name: string, run: () => void, budgetMs: number): Promise<Timing> {
  const bench = new Bench({ time: budgetMs, iterations: 3, warmupIterations: 1, warmupTime: 0, throws: true });
  bench.add(name, run);
  await bench.run();
  const result = bench.tasks[0]!.result;
  if (result.state !== 'completed') throw new Error(`${name}: benchmark ended in state ${result.state}`);
  return { medianMs: result.latency.p50, samples: result.latency.samplesCount };
}
