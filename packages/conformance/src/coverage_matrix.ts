import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ALL_KERNELS, CORE_TOPICS, type Coverage, type Exclusions, type KernelName } from './kernels.js';

export type Status = 'pass' | 'fail' | 'excluded';

export interface MatrixEntry {
  status: Status;
  reason?: string;
  /** Tests declared for this entry. */
  tests: number;
  failed: number;
}

export interface Results {
  backend: string;
  dtypes: string[];
  /** Whether the float64 variants ran: a declared capability, not a skip. */
  float64: 'tested' | 'n/a (backend has no float64)';
  kernels: Record<KernelName, MatrixEntry>;
  /** Core behaviour checked through this backend that is no single kernel's. */
  core: Record<string, MatrixEntry>;
  totals: {
    kernels: Record<Status, number>;
    tests: { declared: number; passed: number; failed: number; notRun: number };
  };
  /** The failing tests, by full title, with the first line of their error. */
  failures: { test: string; coverage: Coverage; error: string }[];
}

interface Tally {
  declared: number;
  passed: number;
  failed: number;
}

/**
 * Pass/fail per kernel, filled in as tests run. A test counts for exactly one kernel (or core
 * topic); a test that failed in its body or in the leak check counts once as failed.
 */
export class CoverageMatrix {
  private readonly tallies = new Map<Coverage, Tally>();
  private readonly failures = new Map<string, { coverage: Coverage; error: string }>();

  constructor(
    private readonly backend: string,
    private readonly dtypes: readonly string[],
    private readonly exclusions: Exclusions,
  ) {
    for (const c of [...ALL_KERNELS, ...CORE_TOPICS]) this.tallies.set(c, { declared: 0, passed: 0, failed: 0 });
  }

  isExcluded(name: string): boolean {
    return Object.hasOwn(this.exclusions, name);
  }

  declared(coverage: Coverage): number {
    return this.tallies.get(coverage)!.declared;
  }

  declare(coverage: Coverage): void {
    this.tallies.get(coverage)!.declared++;
  }

  pass(coverage: Coverage): void {
    this.tallies.get(coverage)!.passed++;
  }

  /** Records a failure; a second failure of the same test (e.g. body, then leak check) is not double counted. */
  fail(coverage: Coverage, title: string, error: unknown, alreadyPassed = false): void {
    const t = this.tallies.get(coverage)!;
    if (alreadyPassed) t.passed--;
    if (!this.failures.has(title)) t.failed++;
    const message = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split('\n')[0]!;
    const previous = this.failures.get(title);
    this.failures.set(title, { coverage, error: previous ? `${previous.error}; ${message}` : message });
  }

  private entry(c: Coverage): MatrixEntry {
    const t = this.tallies.get(c)!;
    if (this.isExcluded(c)) return { status: 'excluded', reason: this.exclusions[c as KernelName], tests: 0, failed: 0 };
    const base = { tests: t.declared, failed: t.failed };
    if (t.declared === 0) return { status: 'fail', reason: 'no tests declared', ...base };
    if (t.failed > 0) return { status: 'fail', reason: `${t.failed} of ${t.declared} tests failed`, ...base };
    const notRun = t.declared - t.passed;
    if (notRun > 0) return { status: 'fail', reason: `${notRun} of ${t.declared} tests did not run`, ...base };
    return { status: 'pass', ...base };
  }

  results(): Results {
    const kernels = Object.fromEntries(ALL_KERNELS.map((k) => [k, this.entry(k)])) as Record<KernelName, MatrixEntry>;
    const core = Object.fromEntries(CORE_TOPICS.map((c) => [c, this.entry(c)]));
    const count = (s: Status): number => Object.values(kernels).filter((e) => e.status === s).length;
    let declared = 0, passed = 0, failed = 0;
    for (const t of this.tallies.values()) {
      declared += t.declared;
      passed += t.passed;
      failed += t.failed;
    }
    return {
      backend: this.backend,
      dtypes: [...this.dtypes],
      float64: this.dtypes.includes('float64') ? 'tested' : 'n/a (backend has no float64)',
      kernels,
      core,
      totals: {
        kernels: { pass: count('pass'), fail: count('fail'), excluded: count('excluded') },
        tests: { declared, passed, failed, notRun: declared - passed - failed },
      },
      failures: [...this.failures].map(([test, f]) => ({ test, ...f })),
    };
  }
}

/** Writes via a temporary file and a rename, so a reader never sees half a matrix. */
export function writeResults(path: string, results: Results): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(tmp, path);
}

/** The one-screen summary: every kernel with its status in three columns, then exclusions and failures. */
export function formatSummary(r: Results): string {
  const cell = (name: string, e: MatrixEntry): string => {
    const mark = e.status === 'pass' ? 'pass' : e.status === 'fail' ? 'FAIL' : 'excl';
    const count = e.status === 'excluded' ? '' : e.status === 'fail' ? `${e.failed}/${e.tests}` : `${e.tests}`;
    return `${name.padEnd(21)}${mark} ${count.padStart(5)}`;
  };
  const cells = [
    ...Object.entries(r.kernels).map(([k, e]) => cell(k, e)),
    ...Object.entries(r.core).map(([k, e]) => cell(`(core) ${k}`, e)),
  ];
  const rows = Math.ceil(cells.length / 3);
  const lines = [
    `dlts conformance: backend '${r.backend}' (dtypes ${r.dtypes.join(', ')}; float64 ${r.float64})`,
    `kernels: ${r.totals.kernels.pass} pass, ${r.totals.kernels.fail} fail, ${r.totals.kernels.excluded} excluded; ` +
      `tests: ${r.totals.tests.passed} passed, ${r.totals.tests.failed} failed, ${r.totals.tests.notRun} not run, ` +
      `of ${r.totals.tests.declared}`,
  ];
  for (let i = 0; i < rows; i++) {
    lines.push([cells[i], cells[i + rows], cells[i + 2 * rows]].filter((c) => c !== undefined).join('   '));
  }
  const excluded = Object.entries(r.kernels).filter(([, e]) => e.status === 'excluded');
  if (excluded.length > 0) lines.push(`excluded: ${excluded.map(([k, e]) => `${k} (${e.reason})`).join('; ')}`);
  const shown = r.failures.slice(0, 10);
  for (const f of shown) lines.push(`FAIL ${f.test}: ${f.error.slice(0, 160)}`);
  if (r.failures.length > shown.length) lines.push(`... and ${r.failures.length - shown.length} more failures in the results file`);
  return lines.join('\n');
}
