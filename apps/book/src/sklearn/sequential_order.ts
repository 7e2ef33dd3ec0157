/**
 * The sample order of scikit-learn's SequentialDataset: an index array shuffled in place at the
 * start of every SGD epoch with the same seed (`dataset.shuffle(seed)`), by a Fisher-Yates walk
 * from the front drawing from sklearn's xorshift `our_rand_r`. The same permutation is thus
 * applied to the previous epoch's order each time.
 */
export class SequentialOrder {
  readonly index: Int32Array;

  constructor(n: number, private readonly seed: number) {
    this.index = Int32Array.from({ length: n }, (_, i) => i);
  }

  shuffle(): void {
    const ind = this.index;
    const n = ind.length;
    let state = this.seed >>> 0;
    for (let i = 0; i < n - 1; i++) {
      state = ourRandR(state);
      const j = i + ((state % 0x80000000) % (n - i));
      const t = ind[i]!;
      ind[i] = ind[j]!;
      ind[j] = t;
    }
  }
}

/** sklearn's `our_rand_r` state update (a 32-bit xorshift; a zero state becomes 1). */
function ourRandR(state: number): number {
  let s = state === 0 ? 1 : state;
  s = (s ^ (s << 13)) >>> 0;
  s = (s ^ (s >>> 17)) >>> 0;
  s = (s ^ (s << 5)) >>> 0;
  return s;
}
