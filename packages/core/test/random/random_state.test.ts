// Expected values come from real numpy (numpy_fixtures.json, written by make_fixtures.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RandomState } from '../../src/random/random_state.js';

interface Fixtures {
  random_sample: Record<string, number[]>;
  randint: { seed: number; low: number; high: number; size: number; values: number[]; next_random: number }[];
  randint_scalar_seed3: { args: [number, number?]; value: number }[];
  permutation_25000_seed42: { first: number[]; last: number[] };
  permutation_455_seed42: number[];
  normal_301_seed42: { values: number[]; next_random: number };
  mixed_seed42: { normal3: number[]; permutation10: number[]; random: number; normal2: number[] };
  uniform_m1_2_7_seed42: number[];
  shuffle_arange20_seed42: number[];
}

const fx = JSON.parse(
  readFileSync(new URL('./numpy_fixtures.json', import.meta.url), 'utf8'),
) as Fixtures;

function ulpDistance(a: number, b: number): number {
  const bits = new BigInt64Array(new Float64Array([a, b]).buffer);
  const d = bits[0]! - bits[1]!;
  return Number(d < 0n ? -d : d);
}

/**
 * Normals go through log(), and V8's Math.log differs from glibc's log (which numpy calls) by an
 * ulp for a few percent of inputs, so float64 normals can differ by a few ulps (at most 3 seen over
 * 200k draws). Rounded to float32 they must be identical, and the draw count is checked exactly
 * elsewhere.
 */
function expectNormalsMatch(actual: ArrayLike<number>, expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (ulpDistance(a, e) > 4 || Math.fround(a) !== Math.fround(e)) {
      expect.fail(`normal #${i}: got ${a}, numpy gave ${e}`);
    }
  }
}

describe('RandomState matches numpy legacy RandomState', () => {
  it.each(Object.keys(fx.random_sample))('random_sample(10) for seed %s', (seed) => {
    const out = new RandomState(Number(seed)).random(10);
    expect(out).toBeInstanceOf(Float64Array);
    expect(Array.from(out)).toEqual(fx.random_sample[seed]);
  });

  it('random() without size draws the same stream one number at a time', () => {
    const rs = new RandomState(0);
    const values = Array.from({ length: 10 }, () => rs.random());
    expect(values).toEqual(fx.random_sample['0']);
  });

  it.each(fx.randint.map((c) => [`randint(${c.low}, ${c.high}, ${c.size}) seed ${c.seed}`, c] as const))(
    '%s',
    (_, c) => {
      const rs = new RandomState(c.seed);
      const out = rs.randint(c.low, c.high, c.size);
      expect(out).toBeInstanceOf(Int32Array);
      expect(Array.from(out)).toEqual(c.values);
      // Checks the number of 32-bit draws consumed, including none for a zero range.
      expect(rs.random()).toBe(c.next_random);
    },
  );

  it('randint with one bound draws from [0, low), scalar or sized', () => {
    const c = fx.randint[0]!;
    expect(Array.from(new RandomState(0).randint(10, undefined, 20))).toEqual(c.values);
    const rs = new RandomState(0);
    expect(Array.from({ length: 20 }, () => rs.randint(10))).toEqual(c.values);
  });

  it('scalar randint calls, including the full 2^32 range, for seed 3', () => {
    const rs = new RandomState(3);
    for (const c of fx.randint_scalar_seed3) expect(rs.randint(...c.args)).toBe(c.value);
  });

  it('permutation(25000) for seed 42', () => {
    const p = new RandomState(42).permutation(25000);
    expect(p).toBeInstanceOf(Int32Array);
    expect(p.length).toBe(25000);
    expect(Array.from(p.subarray(0, 20))).toEqual(fx.permutation_25000_seed42.first);
    expect(Array.from(p.subarray(-5))).toEqual(fx.permutation_25000_seed42.last);
    expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: 25000 }, (_, i) => i));
  });

  it('permutation(455) for seed 42', () => {
    expect(Array.from(new RandomState(42).permutation(455))).toEqual(fx.permutation_455_seed42);
  });

  it('permutation of an array returns a shuffled copy and leaves the input alone', () => {
    const src = Array.from({ length: 455 }, (_, i) => `v${i}`);
    const out = new RandomState(42).permutation(src);
    expect(out).not.toBe(src);
    expect(src[0]).toBe('v0');
    expect(out).toEqual(fx.permutation_455_seed42.map((i) => `v${i}`));

    const typed = Float32Array.from({ length: 455 }, (_, i) => i * 2);
    const tout = new RandomState(42).permutation(typed);
    expect(tout).toBeInstanceOf(Float32Array);
    expect(Array.from(tout)).toEqual(fx.permutation_455_seed42.map((i) => i * 2));
    expect(typed[1]).toBe(2);
  });

  it('normal(0, 1, 301) for seed 42 (odd count), then the stream continues where numpy does', () => {
    const rs = new RandomState(42);
    expectNormalsMatch(rs.normal(0, 1, 301), fx.normal_301_seed42.values);
    // The 301st normal left its pair cached, so random() is the next uniform draw.
    expect(rs.random()).toBe(fx.normal_301_seed42.next_random);
  });

  it('standardNormal and scalar normal draw the same values as normal(0, 1, size)', () => {
    const expected = new RandomState(42).normal(0, 1, 301);
    expect(new RandomState(42).standardNormal(301)).toEqual(expected);
    const rs = new RandomState(42);
    expect(Array.from({ length: 301 }, () => rs.normal())).toEqual(Array.from(expected));
  });

  it('normal applies loc and scale to the same draws', () => {
    const g = new RandomState(42).standardNormal(5);
    const out = new RandomState(42).normal(3, 2, 5);
    expect(Array.from(out)).toEqual(Array.from(g, (v) => 3 + 2 * v));
  });

  it('the cached normal survives other methods, as in numpy', () => {
    const m = fx.mixed_seed42;
    const rs = new RandomState(42);
    expectNormalsMatch(rs.normal(0, 1, 3), m.normal3);
    expect(Array.from(rs.permutation(10))).toEqual(m.permutation10);
    expect(rs.random()).toBe(m.random);
    // The first of these is the value cached by the third normal above (numpy's 4th normal).
    expectNormalsMatch(rs.normal(0, 1, 2), m.normal2);
  });

  it('seed() resets the stream and drops the cached normal', () => {
    const rs = new RandomState(7);
    rs.standardNormal(); // leaves a cached value
    rs.seed(42);
    expectNormalsMatch([rs.standardNormal()], fx.normal_301_seed42.values.slice(0, 1));
    rs.seed(42);
    expect(Array.from(rs.random(10))).toEqual(fx.random_sample['42']);
  });

  it('uniform(-1, 2, 7) for seed 42', () => {
    expect(Array.from(new RandomState(42).uniform(-1, 2, 7))).toEqual(fx.uniform_m1_2_7_seed42);
  });

  it('shuffle(arange(20)) in place for seed 42, JS arrays and typed arrays alike', () => {
    const js = Array.from({ length: 20 }, (_, i) => i);
    new RandomState(42).shuffle(js);
    expect(js).toEqual(fx.shuffle_arange20_seed42);
    const typed = Int32Array.from({ length: 20 }, (_, i) => i);
    new RandomState(42).shuffle(typed);
    expect(Array.from(typed)).toEqual(fx.shuffle_arange20_seed42);
  });
});

describe('RandomState sizes', () => {
  it('a shape gives product(shape) values; a count gives that many', () => {
    const rs = new RandomState(1);
    expect(rs.random([2, 3, 4]).length).toBe(24);
    expect(rs.random(5).length).toBe(5);
    expect(rs.random([]).length).toBe(1);
    expect(rs.random([3, 0]).length).toBe(0);
    expect(rs.normal(0, 1, [7, 3]).length).toBe(21);
    expect(rs.standardNormal([2, 2]).length).toBe(4);
    expect(rs.uniform(0, 1, [4, 5]).length).toBe(20);
    expect(rs.randint(0, 5, [3, 3]).length).toBe(9);
  });

  it('a shaped draw is the flat draw in row-major order', () => {
    expect(Array.from(new RandomState(42).random([2, 5]))).toEqual(fx.random_sample['42']);
  });

  it('no size gives a number', () => {
    const rs = new RandomState(3);
    expect(typeof rs.random()).toBe('number');
    expect(typeof rs.normal()).toBe('number');
    expect(typeof rs.uniform()).toBe('number');
    expect(typeof rs.randint(4)).toBe('number');
  });
});

describe('RandomState errors', () => {
  it.each([-1, 2 ** 32, 1.5, Number.NaN])('rejects seed %s, naming it', (seed) => {
    expect(() => new RandomState(seed)).toThrow(`got ${seed}`);
    expect(() => new RandomState(0).seed(seed)).toThrow(/seed must be an integer in \[0, 2\^32 - 1\]/);
  });

  it('accepts the extreme seeds and seeds itself when none is given', () => {
    expect(() => new RandomState(0)).not.toThrow();
    expect(new RandomState(2 ** 32 - 1).random()).toBe(fx.random_sample[String(2 ** 32 - 1)]![0]);
    const v = new RandomState().random();
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThan(1);
  });

  it('randint rejects low >= high', () => {
    expect(() => new RandomState(0).randint(5, 5)).toThrow('randint: low >= high');
    expect(() => new RandomState(0).randint(6, 5, 3)).toThrow('randint: low >= high');
    expect(() => new RandomState(0).randint(0)).toThrow('randint: low >= high');
  });

  it('randint rejects ranges wider than 2^32 and sized results outside int32', () => {
    expect(() => new RandomState(0).randint(0, 2 ** 32 + 1)).toThrow(/randint: high - low must be at most 2\^32/);
    expect(() => new RandomState(0).randint(0, 2 ** 31 + 1, 2)).toThrow(/int32/);
    expect(() => new RandomState(0).randint(0.5, 3)).toThrow(/randint: low and high must be safe integers/);
  });

  it('rejects bad sizes and a negative scale', () => {
    expect(() => new RandomState(0).random(-1)).toThrow(/random: size/);
    expect(() => new RandomState(0).random([2, 1.5])).toThrow(/random: size/);
    expect(() => new RandomState(0).normal(0, -1, 2)).toThrow(/normal: scale must be non-negative/);
    expect(() => new RandomState(0).permutation(-3)).toThrow(/permutation: n/);
  });
});
