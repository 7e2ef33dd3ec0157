import type { Backend, TypedArray } from '@dlts/core';
import { CpuBackend } from './backend.js';

/** A fresh plain-TypeScript backend (storage is the TypedArray itself). */
export function createCpuBackend(): Backend<TypedArray> {
  return new CpuBackend();
}
