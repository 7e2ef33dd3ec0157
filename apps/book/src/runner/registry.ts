import { DltsError } from 'dlts';
import type { Experiment } from './experiment.js';
import { ch03Neuron } from '../regression/ch03.js';
import { ch04LogisticNeuron, ch04SingleLayer } from '../regression/ch04.js';
import { ch05KFold, ch05L1, ch05L2, ch05Layer4, ch05Scaled, ch05Unscaled, ch05ValUnscaled } from '../regression/ch05.js';
import {
  ch04SgdLog, ch05SgdCvScaled, ch05SgdCvUnscaled, ch05SgdHinge, ch05SgdL2Scaled, ch05SgdLog, ch05SgdLogVal,
} from '../regression/sklearn_rows.js';
import { ch06DualLayer, ch06Minibatch128, ch06Minibatch32, ch06MlpClassifier, ch06RandomInit, ch06SingleLayer } from '../mlp/ch06.js';
import { ch07KerasDense, ch07MultiClass } from '../mlp/ch07.js';

/** The regression app: Ch03-Ch05, in the book's order. */
export const REGRESSION: readonly Experiment[] = [
  ch03Neuron,
  ch04LogisticNeuron, ch04SingleLayer, ch04SgdLog,
  ch05Unscaled, ch05Scaled, ch05ValUnscaled, ch05Layer4, ch05L1, ch05L2, ch05KFold,
  ch05SgdLog, ch05SgdHinge, ch05SgdLogVal, ch05SgdL2Scaled, ch05SgdCvUnscaled, ch05SgdCvScaled,
];

/** The mlp app: Ch06-Ch07. */
export const MLP: readonly Experiment[] = [
  ch06SingleLayer, ch06DualLayer, ch06RandomInit, ch06Minibatch32, ch06Minibatch128, ch06MlpClassifier,
  ch07MultiClass, ch07KerasDense,
];

export const APPS = { regression: REGRESSION, mlp: MLP, all: [...REGRESSION, ...MLP] } as const;
export type AppName = keyof typeof APPS;

/**
 * The experiments of `app` whose id equals or starts with one of the comma-separated patterns
 * (`ch05`, `ch06.minibatch`, `ch03.neuron,ch04`); all of them without a pattern.
 */
export function selectExperiments(app: AppName, patterns?: string): Experiment[] {
  const pool = APPS[app];
  if (!patterns) return [...pool];
  const wanted = patterns.split(',').map((p) => p.trim()).filter((p) => p.length > 0);
  const chosen = pool.filter((e) => wanted.some((p) => e.id.startsWith(p)));
  const unmatched = wanted.filter((p) => !pool.some((e) => e.id.startsWith(p)));
  if (unmatched.length > 0) {
    throw new DltsError(`no experiment of '${app}' matches ${unmatched.map((p) => `'${p}'`).join(', ')}; its ids are: ${pool.map((e) => e.id).join(', ')}`);
  }
  return chosen;
}
