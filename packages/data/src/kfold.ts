import { DltsError, RandomState } from '@dlts/core';

export interface Fold {
  /** Training rows, in increasing order. */
  readonly train: Int32Array;
  /** Held-out rows, in increasing order (sklearn returns them through a mask, so also sorted). */
  readonly test: Int32Array;
}

export interface KFoldOptions {
  /** Number of folds, >= 2. Default 5. */
  readonly nSplits?: number;
  /** Shuffle the rows once before cutting folds. Default false. */
  readonly shuffle?: boolean;
  /** With shuffle: an integer seed (the same folds on every split() call) or a RandomState to draw from. */
  readonly seed?: number | RandomState;
  /**
   * 'spread' (default, sklearn's KFold): the first n % k folds get one extra row, so every row is
   * held out once. 'train' (the book's Ch05 loop): every fold has n // k rows and the last n % k
   * rows are only ever trained on.
   */
  readonly remainder?: 'spread' | 'train';
}

/** K-fold cross-validation folds: contiguous blocks of (optionally shuffled) rows, as sklearn's KFold or the book's loop. */
export class KFold {
  readonly nSplits: number;
  readonly shuffle: boolean;
  readonly remainder: 'spread' | 'train';
  private readonly seed: number | RandomState | undefined;

  constructor(options: KFoldOptions = {}) {
    this.nSplits = options.nSplits ?? 5;
    this.shuffle = options.shuffle ?? false;
    this.remainder = options.remainder ?? 'spread';
    this.seed = options.seed;
    if (!Number.isInteger(this.nSplits) || this.nSplits < 2) throw new DltsError(`KFold: nSplits must be an integer >= 2, got ${this.nSplits}`);
    if (this.remainder !== 'spread' && this.remainder !== 'train') throw new DltsError(`KFold: remainder must be 'spread' or 'train', got '${String(this.remainder)}'`);
    if (!this.shuffle && this.seed !== undefined) throw new DltsError('KFold: a seed has no effect without shuffle: true (sklearn refuses it too)');
  }

  split(n: number): Fold[] {
    const k = this.nSplits;
    if (!Number.isInteger(n) || n < k) throw new DltsError(`KFold: cannot make ${k} folds of ${n} samples`);
    const order = Int32Array.from({ length: n }, (_, i) => i);
    if (this.shuffle) (this.seed instanceof RandomState ? this.seed : new RandomState(this.seed)).shuffle(order);
    const base = Math.floor(n / k);
    const folds: Fold[] = [];
    let start = 0;
    for (let f = 0; f < k; f++) {
      const size = base + (this.remainder === 'spread' && f < n % k ? 1 : 0);
      const held = new Uint8Array(n);
      for (const i of order.subarray(start, start + size)) held[i] = 1;
      const train = new Int32Array(n - size);
      const test = new Int32Array(size);
      let [a, b] = [0, 0];
      for (let i = 0; i < n; i++) {
        if (held[i]) test[b++] = i;
        else train[a++] = i;
      }
      folds.push({ train, test });
      start += size;
    }
    return folds;
  }
}
