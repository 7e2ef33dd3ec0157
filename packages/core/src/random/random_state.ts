/**
 * A seeded random generator that reproduces numpy's legacy `np.random.RandomState` draw for draw
 * (MT19937 with init_genrand seeding), so data splits and initialisations made in Python can be
 * replayed exactly.
 *
 * Integer and uniform draws match numpy bit for bit. Normals match to a few ulps: they take a log,
 * and V8's Math.log differs from glibc's (which numpy calls) by an ulp on some inputs; the values
 * still agree after rounding to float32, and the draw count is always exact.
 *
 * Every sampling method follows one convention: without `size` it returns a number; with `size`
 * (a count or a shape) it returns a typed array of product(size) values in row-major order.
 */

import { MT19937 } from './mt19937.js';
import { DltsError } from '../errors.js';

/** A count, or a shape whose element count is the product of its dimensions. */
export type Size = number | readonly number[];

/** A writable 1-D array: a JS array or a typed array. */
export interface IndexableArray<T = unknown> {
  readonly length: number;
  [index: number]: T;
}

const MAX_U32 = 0xffffffff;
const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;

function sizeToCount(op: string, size: Size): number {
  const dims = typeof size === 'number' ? [size] : size;
  let count = 1;
  for (const d of dims) {
    if (!Number.isSafeInteger(d) || d < 0) {
      throw new DltsError(`${op}: size must be non-negative integers, got ${JSON.stringify(size)}`);
    }
    count *= d;
  }
  return count;
}

function checkSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_U32) {
    throw new DltsError(`RandomState: seed must be an integer in [0, 2^32 - 1], got ${seed}`);
  }
  return seed;
}

function entropySeed(): number {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0]!;
}

export class RandomState {
  private readonly mt: MT19937;
  // The polar method makes normals in pairs; numpy keeps the spare across calls to any method.
  private hasGauss = false;
  private gauss = 0;

  /** `seed` must be an integer in [0, 2^32 - 1]; without one the generator is seeded from crypto. */
  constructor(seed?: number) {
    this.mt = new MT19937(seed === undefined ? entropySeed() : checkSeed(seed));
  }

  /** Reseeds as numpy's `seed(n)` does, which also drops a cached normal. */
  seed(seed?: number): void {
    this.mt.seed(seed === undefined ? entropySeed() : checkSeed(seed));
    this.hasGauss = false;
    this.gauss = 0;
  }

  /** Uniform doubles in [0, 1) (numpy `random_sample`). */
  random(): number;
  random(size: Size): Float64Array;
  random(size?: Size): number | Float64Array {
    if (size === undefined) return this.mt.nextDouble();
    const out = new Float64Array(sizeToCount('random', size));
    for (let i = 0; i < out.length; i++) out[i] = this.mt.nextDouble();
    return out;
  }

  /** Uniform doubles in [low, high). */
  uniform(low?: number, high?: number): number;
  uniform(low: number, high: number, size: Size): Float64Array;
  uniform(low = 0, high = 1, size?: Size): number | Float64Array {
    const range = high - low;
    if (!Number.isFinite(range)) {
      throw new DltsError(`uniform: high - low must be finite, got low=${low}, high=${high}`);
    }
    if (size === undefined) return low + range * this.mt.nextDouble();
    const out = new Float64Array(sizeToCount('uniform', size));
    for (let i = 0; i < out.length; i++) out[i] = low + range * this.mt.nextDouble();
    return out;
  }

  /** Standard normal samples (numpy's legacy polar method). */
  standardNormal(): number;
  standardNormal(size: Size): Float64Array;
  standardNormal(size?: Size): number | Float64Array {
    return this.normals('standardNormal', 0, 1, size);
  }

  /** Normal samples: loc + scale * standard normal. */
  normal(loc?: number, scale?: number): number;
  normal(loc: number, scale: number, size: Size): Float64Array;
  normal(loc = 0, scale = 1, size?: Size): number | Float64Array {
    if (!(scale >= 0)) throw new DltsError(`normal: scale must be non-negative, got ${scale}`);
    return this.normals('normal', loc, scale, size);
  }

  /**
   * Integers in [low, high), or [0, low) when `high` is omitted. high - low may be at most 2^32.
   * With `size` the result is an Int32Array, so the bounds must then fit int32.
   */
  randint(low: number, high?: number): number;
  randint(low: number, high: number | undefined, size: Size): Int32Array;
  randint(low: number, high?: number, size?: Size): number | Int32Array {
    if (high === undefined) {
      high = low;
      low = 0;
    }
    if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high)) {
      throw new DltsError(`randint: low and high must be safe integers, got low=${low}, high=${high}`);
    }
    if (low >= high) throw new DltsError(`randint: low >= high (low=${low}, high=${high})`);
    const max = high - 1 - low;
    if (max > MAX_U32) {
      throw new DltsError(`randint: high - low must be at most 2^32, got low=${low}, high=${high}`);
    }
    if (size === undefined) return low + this.interval(max);
    if (low < INT32_MIN || high - 1 > INT32_MAX) {
      throw new DltsError(`randint: values in [${low}, ${high}) do not fit the int32 result`);
    }
    const out = new Int32Array(sizeToCount('randint', size));
    for (let i = 0; i < out.length; i++) out[i] = low + this.interval(max);
    return out;
  }

  /** Shuffles a 1-D array in place: Fisher-Yates from the end, as numpy does. */
  shuffle(array: IndexableArray): void {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.interval(i);
      const t = array[i];
      array[i] = array[j];
      array[j] = t;
    }
  }

  /** A shuffled arange(n) as an Int32Array, or a shuffled copy of a 1-D array. */
  permutation(n: number): Int32Array;
  permutation<A extends IndexableArray & { slice(): A }>(array: A): A;
  permutation(x: number | (IndexableArray & { slice(): IndexableArray })): IndexableArray {
    let out: IndexableArray;
    if (typeof x === 'number') {
      if (!Number.isInteger(x) || x < 0 || x > INT32_MAX + 1) {
        throw new DltsError(`permutation: n must be an integer in [0, 2^31], got ${x}`);
      }
      const range = new Int32Array(x);
      for (let i = 0; i < x; i++) range[i] = i;
      out = range;
    } else {
      out = x.slice();
    }
    this.shuffle(out);
    return out;
  }

  /** A uniform integer in [0, max]: 32-bit draws masked to the smallest covering bit mask, rejecting values above max. */
  private interval(max: number): number {
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    let v: number;
    do {
      v = (this.mt.nextU32() & mask) >>> 0;
    } while (v > max);
    return v;
  }

  /** numpy's legacy_gauss: Marsaglia polar method, returning the second value of each pair on the next call. */
  private nextGauss(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      return this.gauss;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.mt.nextDouble() - 1;
      x2 = 2 * this.mt.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  // Loops are written out per method: one shared loop over a draw callback made random() and
  // uniform() about 1.5x slower.
  private normals(op: string, loc: number, scale: number, size: Size | undefined): number | Float64Array {
    if (size === undefined) return loc + scale * this.nextGauss();
    const out = new Float64Array(sizeToCount(op, size));
    for (let i = 0; i < out.length; i++) out[i] = loc + scale * this.nextGauss();
    return out;
  }
}
