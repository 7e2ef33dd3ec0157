import { fileURLToPath } from 'node:url';
import { type Backend, memory, registerBackend, setBackend } from '@dlts/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { CoverageMatrix, formatSummary, writeResults } from './coverage_matrix.js';
import type { Coverage, Exclusions } from './kernels.js';
import { Inputs, seedOf } from './random_inputs.js';
import type { FloatDType, SuiteContext, TestBody } from './suite_context.js';
import { binarySuite } from './suites/binary.js';
import { bookCh08Suite } from './suites/book_ch08.js';
import { contractSuite } from './suites/contract.js';
import { convSuite, poolSuite } from './suites/conv_pool.js';
import { errorSuite } from './suites/errors.js';
import { gradientSuite } from './suites/gradients.js';
import { matmulSuite } from './suites/matmul.js';
import { memorySuite, storageSuite } from './suites/memory.js';
import { movementSuite } from './suites/movement.js';
import { reductionSuite } from './suites/reductions.js';
import { selectCastFillSuite } from './suites/select_cast_fill.js';
import { softmaxSuite } from './suites/softmax.js';
import { unarySuite } from './suites/unary.js';

export interface ConformanceOptions {
  /** Per-dtype tolerance t: |got - want| <= t * (1 + |want|), scaled by sqrt(k) for k-term sums. */
  readonly tolerance: { readonly float32: number; readonly float64?: number };
  /** Kernels this backend does not run, each with its reason (keep them in one exclusions file). */
  readonly exclusions?: Exclusions;
  /**
   * Tolerance for analytic against numeric gradients. Default: the gradient dtype's tolerance,
   * but at least 1e-6 (the accuracy of the float64 central differences themselves).
   */
  readonly gradTolerance?: number;
}

/** Where the coverage matrix of a backend is written: packages/conformance/results/<name>.json. */
export function resultsPath(backendName: string): string {
  return fileURLToPath(new URL(`../results/${backendName}.json`, import.meta.url));
}

/**
 * Declares the whole conformance suite for one backend: registers it with core under `name`,
 * runs every test through core's public ops on it, checks each test for leaked tensors and
 * buffers, and writes the coverage matrix when done. Call it once from the backend's test file.
 */
export function describeBackend(
  name: string,
  factory: () => Backend | Promise<Backend>,
  options: ConformanceOptions,
): void {
  describe(`conformance: ${name}`, async () => {
    // Loaded while collecting: which float64 tests exist depends on the dtypes the backend declares.
    registerBackend(name, factory);
    const backend = await setBackend(name);
    const exclusions = options.exclusions ?? {};
    const matrix = new CoverageMatrix(name, backend.dtypes, exclusions);
    const hasFloat64 = backend.dtypes.includes('float64');
    const floatDTypes: FloatDType[] = hasFloat64 ? ['float32', 'float64'] : ['float32'];
    const tolerance = (dtype: FloatDType): number => {
      if (dtype === 'float32') return options.tolerance.float32;
      if (options.tolerance.float64 === undefined) throw new Error(`describeBackend('${name}'): backend has float64 but no tolerance.float64`);
      return options.tolerance.float64;
    };
    const gradDType: FloatDType = hasFloat64 ? 'float64' : 'float32';
    if (hasFloat64) tolerance('float64');

    const titles = new Set<string>();
    let running: { coverage: Coverage; title: string; passed: boolean } | undefined;

    const test = (coverage: Coverage, title: string, body: TestBody): void => {
      if (matrix.isExcluded(coverage)) return;
      const full = `${coverage}: ${title}`;
      if (titles.has(full)) throw new Error(`conformance: duplicate test title '${full}'`);
      titles.add(full);
      matrix.declare(coverage);
      it(full, async () => {
        running = { coverage, title: full, passed: false };
        try {
          await body(new Inputs(seedOf(full)));
        } catch (e) {
          matrix.fail(coverage, full, e);
          throw e;
        }
        matrix.pass(coverage);
        running.passed = true;
      });
    };

    const ctx: SuiteContext = {
      name,
      backend,
      factory,
      dtypes: backend.dtypes,
      floatDTypes,
      tolerance,
      gradDType,
      gradTolerance: options.gradTolerance ?? Math.max(tolerance(gradDType), 1e-6),
      test,
      floatTest: (coverage, title, body) => {
        for (const dtype of floatDTypes) test(coverage, `${title} [${dtype}]`, (inputs) => body(dtype, inputs));
      },
    };

    let baseline = { tensors: 0, buffers: 0 };
    beforeAll(async () => {
      await setBackend(name);
    });
    beforeEach(() => {
      const m = memory(name);
      baseline = { tensors: m.numTensors, buffers: m.numBuffers };
    });
    afterEach(() => {
      const m = memory(name);
      const run = running;
      running = undefined;
      if (m.numTensors !== baseline.tensors || m.numBuffers !== baseline.buffers) {
        const leak = new Error(
          `leak: ${m.numTensors - baseline.tensors} tensors and ${m.numBuffers - baseline.buffers} buffers ` +
            `more on '${name}' after the test than before it`,
        );
        if (run) matrix.fail(run.coverage, run.title, leak, run.passed);
        throw leak;
      }
    });
    afterAll(() => {
      const results = matrix.results();
      writeResults(resultsPath(name), results);
      console.log(formatSummary(results));
    });

    contractSuite(ctx, matrix, exclusions);
    unarySuite(ctx);
    binarySuite(ctx);
    selectCastFillSuite(ctx);
    reductionSuite(ctx);
    matmulSuite(ctx);
    movementSuite(ctx);
    convSuite(ctx);
    poolSuite(ctx);
    softmaxSuite(ctx);
    gradientSuite(ctx);
    errorSuite(ctx);
    storageSuite(ctx);
    memorySuite(ctx);
    bookCh08Suite(ctx);
  });
}
