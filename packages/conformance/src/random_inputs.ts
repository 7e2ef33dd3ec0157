import { RandomState } from '@dlts/core';
import { type NDArray, sizeOf } from './reference/ndarray.js';

/** A seed from a test's title, so each test draws the same inputs however the suite is filtered or ordered. */
export function seedOf(title: string): number {
  let h = 2166136261; // FNV-1a
  for (let i = 0; i < title.length; i++) h = Math.imul(h ^ title.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/**
 * Seeded inputs. Every float is rounded to float32, so a float32 backend and the float64 reference
 * start from identical values and only arithmetic error remains.
 */
export class Inputs {
  private readonly rs: RandomState;

  constructor(seed: number) {
    this.rs = new RandomState(seed);
  }

  private make(shape: readonly number[], draw: (i: number) => number, round: (v: number) => number = Math.fround): NDArray {
    const data = new Float64Array(sizeOf(shape));
    for (let i = 0; i < data.length; i++) data[i] = round(draw(i));
    return { shape: [...shape], data };
  }

  uniform(shape: readonly number[], low = -1, high = 1): NDArray {
    return this.make(shape, () => this.rs.uniform(low, high));
  }

  /** Magnitudes in [low, high) with random signs: no values near 0 (kinks of abs, relu, sign). */
  awayFromZero(shape: readonly number[], low = 0.2, high = 2): NDArray {
    return this.make(shape, () => (this.rs.random() < 0.5 ? -1 : 1) * this.rs.uniform(low, high));
  }

  /** Whole numbers in [low, high) (not rounded to float32: int32 tests use the full range). */
  ints(shape: readonly number[], low: number, high: number): NDArray {
    return this.make(shape, () => this.rs.randint(low, high), (v) => v);
  }

  /**
   * All-different values on a grid of `spacing` (shuffled, centred on 0, shifted by `offset`
   * grid steps), so no two are within `spacing` of each other: max/min/argmax and pools have no
   * near-ties for finite differences to straddle. Two arrays drawn with offsets 0 and 0.5 never
   * come closer than spacing / 2.
   */
  distinct(shape: readonly number[], spacing = 0.05, offset = 0): NDArray {
    const n = sizeOf(shape);
    const perm = this.rs.permutation(n);
    return this.make(shape, (i) => (perm[i]! - Math.floor(n / 2) + offset) * spacing);
  }
}
