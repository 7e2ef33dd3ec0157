import * as tf from '@tensorflow/tfjs-core';
import { BackendError } from '@dlts/core';
import type { EngineName } from './engine.js';

/**
 * Every tfjs kernel the adapter's direct paths dispatch (through tfjs ops or engine.runKernel).
 * An engine must have each one, or a fill (below) must stand in for it. A test runs every contract
 * kernel under tf.profile and checks that nothing outside this list and the fills' lists runs.
 */
export const ADAPTER_KERNELS: readonly string[] = [
  // elementwise
  'Neg', 'Abs', 'Sign', 'Exp', 'Log', 'Sqrt', 'Square', 'Reciprocal', 'Tanh', 'Sigmoid', 'Relu', 'Step',
  'Add', 'Sub', 'Multiply', 'RealDiv', 'FloorDiv', 'Pow', 'Maximum', 'Minimum',
  'Equal', 'NotEqual', 'Less', 'LessEqual', 'Greater', 'GreaterEqual',
  'Select', 'ClipByValue', 'Cast', 'Fill', 'ZerosLike', 'Tile',
  // reductions
  'Sum', 'Max', 'Min', 'ArgMax',
  // linear algebra
  'BatchMatMul', '_FusedMatMul',
  // data movement
  'Reshape', 'Identity', 'Transpose', 'Slice', 'Concat', 'PadV2', 'GatherV2', 'UnsortedSegmentSum',
  // convolution and pooling
  'Conv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter', 'MaxPool', 'MaxPoolGrad', 'AvgPool', 'AvgPoolGrad',
  // normalisation (tf.logSoftmax is composed by tfjs-core from Max, Sub, Exp, Sum, Log)
  'Softmax',
].sort();

export interface Fill {
  /** How the kernel is composed (shown in errors and the README). */
  readonly how: string;
  /** The kernels the composition runs (the engine must have them all). */
  readonly uses: readonly string[];
}

/** The kernels the adapter can compose from others when an engine lacks them (or gets them wrong). */
export const FILLS = {
  Conv2DBackpropFilter: {
    how: 'a Conv2D of the padded input, transposed to [C, H, W, batch], with the output gradient transposed to ' +
      '[outH, outW, batch, outC] as the filter; the forward strides become dilations and the dilations strides',
    uses: ['PadV2', 'Slice', 'Transpose', 'Conv2D'],
  },
  UnsortedSegmentSum: {
    how: 'a ScatterNd of the rows of x at their segment ids (ScatterNd adds rows that share an index); memory is ' +
      'the output only, however large numSegments is',
    uses: ['Reshape', 'ScatterNd'],
  },
  MaxPoolGrad: {
    how: 'on the input padded with -Infinity and flattened, GatherNd reads every window\'s cells, ArgMax picks ' +
      'each window\'s first maximum, and ScatterNd adds dy onto the winning cells',
    uses: ['PadV2', 'Slice', 'Reshape', 'GatherNd', 'ArgMax', 'Add', 'ScatterNd'],
  },
} as const satisfies Record<string, Fill>;

export type FillableKernel = keyof typeof FILLS;

/**
 * Kernels an engine has whose result or speed is not what the contract needs; their fill runs
 * instead. Wrong results are pinned by test/tfjs_quirks.test.ts (calling tfjs directly); speeds
 * are measured by `pnpm --filter @dlts/backend-tfjs run bench:fills` (see the README).
 */
export const REPLACED: Record<EngineName, Partial<Record<FillableKernel, string>>> = {
  wasm: { MaxPoolGrad: 'it does not route a tied window to its first maximum (on an all-equal input, to the last)' },
  cpu: {
    Conv2DBackpropFilter: 'it is about ten times slower than its fill, which runs tfjs-cpu\'s faster Conv2D',
    UnsortedSegmentSum: 'it loops over every segment id: seconds for an Embedding(1000, 32) gradient, where the fill takes under a millisecond',
  },
};

/** The kernels of ADAPTER_KERNELS that tfjs has not registered for `engine`, sorted. */
export function findGaps(engine: string): string[] {
  return ADAPTER_KERNELS.filter((k) => tf.getKernel(k, engine) === undefined);
}

export interface KernelPlan {
  readonly engine: EngineName;
  /** Kernels the engine lacks (each has a fill). */
  readonly gaps: readonly string[];
  /** Kernels that run as their fill on this engine: the gaps plus REPLACED[engine]. */
  readonly fills: ReadonlySet<FillableKernel>;
}

/**
 * Decides, for one engine, which kernels run natively and which as fills. Throws when the engine
 * lacks a kernel that has no fill, or one that a needed fill runs: a backend that would fail at
 * its first such op fails at creation instead, naming what is missing.
 */
export function planKernels(engine: EngineName): KernelPlan {
  const gaps = findGaps(engine);
  const unfillable = gaps.filter((k) => !(k in FILLS));
  if (unfillable.length > 0) {
    throw new BackendError(
      `tfjs backend: engine '${engine}' lacks kernel(s) ${unfillable.join(', ')}, which the adapter cannot compose ` +
        `(it composes ${Object.keys(FILLS).join(', ')})`,
    );
  }
  const fills = new Set<FillableKernel>([...(gaps as FillableKernel[]), ...(Object.keys(REPLACED[engine]) as FillableKernel[])]);
  for (const k of fills) {
    const missing = FILLS[k].uses.filter((u) => tf.getKernel(u, engine) === undefined);
    if (missing.length > 0) {
      throw new BackendError(`tfjs backend: engine '${engine}' lacks ${missing.join(', ')}, needed to compose ${k} (${FILLS[k].how})`);
    }
  }
  return { engine, gaps, fills };
}
