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
  // The previous case's garbage (seconds of tfjs-cpu and cpu calls on large arrays) would
  // otherwise be collected by V8's concurrent GC threads during this one, taking the second core
  // from a two-thread backend. The bench script starts node with --expose-gc.
  settleGarbage();
  const bench = new Bench({ time: budgetMs, iterations: 3, warmupIterations: 1, warmupTime: 0, throws: true });
  bench.add(name, run);
  await bench.run();
  const result = bench.tasks[0]!.result;
  if (result.state !== 'completed') throw new Error(`${name}: benchmark ended in state ${result.state}`);
  return { medianMs: result.latency.p50, samples: result.latency.samplesCount };
}

function settleGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the benchmarks need node --expose-gc (the bench script passes it)');
  gc();
}
