/**
 * MT19937 Mersenne Twister (Matsumoto & Nishimura), seeded with init_genrand, which is what
 * numpy's legacy `RandomState.seed(int)` does.
 *
 * The state is kept as signed 32-bit words: V8 keeps int32 values unboxed, while Uint32Array
 * reads above 2^31 become doubles; that made draws over twice as slow.
 */

const N = 624;
const M = 397;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;
const MATRIX_A = 0x9908b0df;

export class MT19937 {
  private readonly mt = new Int32Array(N);
  private index = N;

  constructor(seed: number) {
    this.seed(seed);
  }

  /** init_genrand: seed is taken as an unsigned 32-bit integer. */
  seed(seed: number): void {
    const mt = this.mt;
    mt[0] = seed | 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1];
      // Math.imul keeps the 32-bit product exact where a float multiply would lose low bits.
      mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) | 0;
    }
    this.index = N;
  }

  /** Next tempered 32-bit output, as an unsigned number in [0, 2^32). */
  nextU32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** Double in [0, 1) with 53 random bits, numpy's legacy `random_sample` construction. */
  nextDouble(): number {
    const a = this.nextU32() >>> 5;
    const b = this.nextU32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  private twist(): void {
    const mt = this.mt;
    let k = 0;
    // -(y & 1) & MATRIX_A is MATRIX_A when y is odd, else 0, without a branch.
    for (; k < N - M; k++) {
      const y = (mt[k] & UPPER) | (mt[k + 1] & LOWER);
      mt[k] = mt[k + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; k < N - 1; k++) {
      const y = (mt[k] & UPPER) | (mt[k + 1] & LOWER);
      mt[k] = mt[k + M - N] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    const y = (mt[N - 1] & UPPER) | (mt[0] & LOWER);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    this.index = 0;
  }
}
