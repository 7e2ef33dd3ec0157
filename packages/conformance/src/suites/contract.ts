import type { CoverageMatrix } from '../coverage_matrix.js';
import { ALL_KERNELS, METHOD_KERNELS, OPTIONAL_KERNELS, type Exclusions } from '../kernels.js';
import type { SuiteContext } from '../suite_context.js';

/** The suite's own completeness, and the backend's declared shape against the contract. */
export function contractSuite(ctx: SuiteContext, matrix: CoverageMatrix, exclusions: Exclusions): void {
  ctx.test('contract', 'every contract kernel has at least one test or a stated exclusion', () => {
    const untested = ALL_KERNELS.filter((k) => !matrix.isExcluded(k) && matrix.declared(k) === 0);
    if (untested.length > 0) throw new Error(`kernels with no tests: ${untested.join(', ')}`);
  });
  ctx.test('contract', 'exclusions name real kernels and give a reason', () => {
    const known = new Set<string>(ALL_KERNELS);
    for (const [k, reason] of Object.entries(exclusions)) {
      if (!known.has(k)) throw new Error(`exclusion '${k}' is not a contract kernel (known: ${ALL_KERNELS.join(', ')})`);
      if (typeof reason !== 'string' || reason.trim() === '') throw new Error(`exclusion '${k}' has no reason`);
    }
  });
  ctx.test('contract', 'the backend declares float32 and int32 and implements every required kernel', () => {
    const b = ctx.backend as unknown as Record<string, unknown>;
    for (const d of ['float32', 'int32'] as const) {
      if (!ctx.backend.dtypes.includes(d)) throw new Error(`dtypes [${ctx.backend.dtypes.join(', ')}] lack ${d}`);
    }
    const optional = new Set<string>(OPTIONAL_KERNELS);
    const required = [...METHOD_KERNELS.filter((k) => !optional.has(k)), 'unary', 'binary', 'reduce', 'write', 'read', 'readSync', 'disposeStorage', 'memory'];
    const missing = required.filter((k) => !matrix.isExcluded(k) && typeof b[k] !== 'function');
    if (missing.length > 0) throw new Error(`backend '${ctx.name}' lacks ${missing.join(', ')}`);
  });
}
