import { parseArgs } from 'node:util';
import { DltsError, type DType } from 'dlts';
import { APPS, type AppName } from '../runner/registry.js';

export const USAGE = `usage: dlts-book <regression|mlp|all|list> [options]
       dlts-book compare <first.json> <second.json>

  regression   Ch03-Ch05: Neuron, LogisticNeuron, SingleLayer, scaling, l1/l2, k-fold, sklearn rows
  mlp          Ch06-Ch07: SingleLayer, DualLayer, RandomInitNetwork, MinibatchNetwork, MLPClassifier,
               MultiClassNetwork, the Keras-style Dense model (Ch07 needs Fashion-MNIST)
  all          both
  list         print the experiment ids
  compare      check that two --json reports (same seed, two runs) agree bit for bit: values,
               every loss and val_loss, weights; exit status 1 when any record differs

options:
  --backend <name|all>       a registered backend (cpu, wasm, gpujs, tfjs, ...) or all of them;
                             default: DLTS_BACKEND, then dlts.config.json, then cpu
  --dtype <float64|float32>  default float64, the notebooks' precision
  --experiment <ids>         ids or id prefixes, comma-separated (ch05, ch06.minibatch, ch03.neuron)
  --epochs <n>               replace the book's epoch counts (results are then not compared)
  --json                     print {"experiments": [...]} on stdout instead of the table
  --reports <dir>            where charts go (default: this package's reports/ folder)
  --no-plots                 draw no charts (and skip work done only for them)
  --help`;

export interface CliArgs {
  readonly command: AppName | 'list' | 'compare';
  /** compare's two report files. */
  readonly files: readonly string[];
  readonly backend?: string;
  readonly dtype: DType;
  readonly experiment?: string;
  readonly epochs?: number;
  readonly json: boolean;
  readonly reports?: string;
  readonly plots: boolean;
  readonly help: boolean;
}

/** Parses the command line (node:util's parseArgs: strict, so an unknown option is an error). */
export function parseCli(argv: readonly string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      backend: { type: 'string' },
      dtype: { type: 'string', default: 'float64' },
      experiment: { type: 'string' },
      epochs: { type: 'string' },
      json: { type: 'boolean', default: false },
      reports: { type: 'string' },
      'no-plots': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const help = values.help ?? false;
  const command = positionals[0];
  if (!help && command === 'compare' && positionals.length !== 3) {
    throw new DltsError(`compare takes two --json report files, got ${positionals.length - 1}\n${USAGE}`);
  }
  if (!help && command !== 'compare' && (positionals.length !== 1 || !(command === 'list' || (command !== undefined && command in APPS)))) {
    throw new DltsError(`expected one command (regression, mlp, all, list or compare), got ${positionals.length ? positionals.map((p) => `'${p}'`).join(' ') : 'none'}\n${USAGE}`);
  }
  const dtype = values.dtype;
  if (dtype !== 'float32' && dtype !== 'float64') throw new DltsError(`--dtype must be float32 or float64, got '${dtype}'`);
  let epochs: number | undefined;
  if (values.epochs !== undefined) {
    epochs = Number(values.epochs);
    if (!Number.isInteger(epochs) || epochs < 1) throw new DltsError(`--epochs must be a positive integer, got '${values.epochs}'`);
  }
  return {
    command: (command ?? 'list') as CliArgs['command'],
    files: command === 'compare' ? positionals.slice(1) : [],
    ...(values.backend !== undefined ? { backend: values.backend } : {}),
    dtype,
    ...(values.experiment !== undefined ? { experiment: values.experiment } : {}),
    ...(epochs !== undefined ? { epochs } : {}),
    json: values.json ?? false,
    ...(values.reports !== undefined ? { reports: values.reports } : {}),
    plots: !values['no-plots'],
    help,
  };
}
