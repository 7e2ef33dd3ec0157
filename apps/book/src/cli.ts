#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { shutdownBackends } from 'dlts';
import { parseCli, USAGE } from './cli/args.js';
import { APPS, selectExperiments } from './runner/registry.js';
import { runAll } from './runner/run_all.js';
import { comparisonTable } from './runner/table.js';
import { jsonReport } from './runner/json_report.js';
import { compareRuns, comparisonOfRuns, readReport } from './runner/compare_runs.js';

/** This package's reports/ folder (git-ignored), wherever the command is run from. */
const DEFAULT_REPORTS = fileURLToPath(new URL('../reports', import.meta.url));

async function main(): Promise<number> {
  const args = parseCli(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.command === 'list') {
    for (const e of APPS.all) console.log(`${e.id.padEnd(22)} Ch${String(e.chapter).padStart(2, '0')}  ${e.title}`);
    return 0;
  }
  if (args.command === 'compare') {
    const diffs = compareRuns(readReport(args.files[0]!), readReport(args.files[1]!));
    console.log(comparisonOfRuns(diffs));
    return diffs.some((d) => d.difference) ? 1 : 0;
  }
  const experiments = selectExperiments(args.command, args.experiment);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const records = await runAll(experiments, args.backend, args.dtype, {
    ...(args.epochs !== undefined ? { epochs: args.epochs } : {}),
    ...(args.plots ? { reportsDir: resolve(args.reports ?? DEFAULT_REPORTS) } : {}),
    log,
    onRecord: (r) => log(`${r.id} on ${r.backend} ${r.dtype}: ${r.value ?? r.error} (${r.match}${r.seconds === null ? '' : `, ${r.seconds.toFixed(2)} s`})`),
  });
  await shutdownBackends();
  process.stdout.write(`${args.json ? jsonReport(records) : comparisonTable(records)}\n`);
  const plots = records.flatMap((r) => r.plots);
  if (plots.length > 0) log(`${plots.length} charts under ${resolve(args.reports ?? DEFAULT_REPORTS)}`);
  return records.some((r) => r.match === 'error' || r.leakedTensors > 0) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`dlts-book: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
