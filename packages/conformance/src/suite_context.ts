import type { Backend, DType } from '@dlts/core';
import type { Coverage } from './kernels.js';
import type { Inputs } from './random_inputs.js';

export type FloatDType = 'float32' | 'float64';

export type TestBody = (inputs: Inputs) => void | Promise<void>;

/** What every suite file receives from describeBackend. */
export interface SuiteContext {
  /** The name the backend under test is registered under in core. */
  readonly name: string;
  /** The instance core loaded (for capability checks only; tests go through core's ops). */
  readonly backend: Backend;
  /** The backend's factory, for tests that need a second, independent instance. */
  readonly factory: () => Backend | Promise<Backend>;
  readonly dtypes: readonly DType[];
  /** float32, plus float64 when the backend declares it. */
  readonly floatDTypes: readonly FloatDType[];
  tolerance(dtype: FloatDType): number;
  /** Analytic gradients are taken in float64 when the backend has it, else float32. */
  readonly gradDType: FloatDType;
  readonly gradTolerance: number;
  /** Declares one test covering one kernel (or core topic); the body gets inputs seeded from its title. */
  test(coverage: Coverage, title: string, body: TestBody): void;
  /** Declares the test once per float dtype the backend has, with the dtype in the title. */
  floatTest(coverage: Coverage, title: string, body: (dtype: FloatDType, inputs: Inputs) => void | Promise<void>): void;
}
