import { RandomState } from '@dlts/core';
import { DataFormatError } from './errors.js';
import { kerasTextToWordSequence } from './imdb_tokenize.js';

/** One split of IMDB: sequences of ids and labels (1 = positive). */
export interface ImdbSplit {
  readonly x: Int32Array[];
  readonly y: Uint8Array;
}

export interface ImdbEncoded {
  readonly train: ImdbSplit;
  readonly test: ImdbSplit;
}

/** One labelled review of the aclImdb archive; `file` is relative to aclImdb/, e.g. `train/pos/0_9.txt`. */
export interface ImdbReview {
  readonly file: string;
  readonly text: string;
}

const REVIEW_FILE = /^(train|test)\/(pos|neg)\/[^/]+\.txt$/;

/** The ids of the stored encoding (keras.datasets.imdb's npz plus load_data's defaults): start 1, rank + 3. */
export const FILE_START_ID = 1;
export const FILE_INDEX_FROM = 3;

/** keras.datasets.imdb.load_data's default seed, with which the stored encoding is shuffled. */
export const KERAS_IMDB_SEED = 113;

interface Encoded {
  readonly file: string;
  readonly x: Int32Array;
}

/**
 * Builds the IMDB encoding from review text: each review becomes [1, rank + 3 for each word], where
 * rank comes from Keras's word index. Test words missing from the index are dropped (the index was
 * made from the training reviews only). Add every review, then call finish().
 *
 * The index's order among words of equal count follows a Python 2 dict and cannot be recomputed,
 * so the index is an input; finish() checks that it fits the training text (same vocabulary,
 * counts never rising with rank) and fails otherwise.
 */
export class ImdbEncoder {
  private readonly reviews = { train: { pos: [] as Encoded[], neg: [] as Encoded[] }, test: { pos: [] as Encoded[], neg: [] as Encoded[] } };
  private readonly trainCounts = new Map<string, number>();

  constructor(private readonly wordIndex: ReadonlyMap<string, number>) {}

  add(review: ImdbReview): void {
    const m = REVIEW_FILE.exec(review.file);
    if (!m) throw new DataFormatError(`ImdbEncoder: '${review.file}' is not a review file (expected train|test/pos|neg/<name>.txt)`);
    const split = m[1] as 'train' | 'test';
    const words = kerasTextToWordSequence(review.text);
    const ids: number[] = [FILE_START_ID];
    for (const w of words) {
      const rank = this.wordIndex.get(w);
      if (split === 'train') this.trainCounts.set(w, (this.trainCounts.get(w) ?? 0) + 1);
      if (rank !== undefined) ids.push(rank + FILE_INDEX_FROM);
      else if (split === 'train') throw new DataFormatError(`ImdbEncoder: word '${w}' of ${review.file} is not in the word index: the index was not made from this text`);
    }
    this.reviews[split][m[2] as 'pos' | 'neg'].push({ file: review.file, x: Int32Array.from(ids) });
  }

  /** The encoding in the archive's canonical order: per split, positive reviews sorted by file name, then negative. */
  finish(): ImdbEncoded {
    this.checkIndex();
    const split = (s: 'train' | 'test'): ImdbSplit => {
      const byName = (a: Encoded, b: Encoded) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
      const pos = this.reviews[s].pos.sort(byName);
      const neg = this.reviews[s].neg.sort(byName);
      const y = new Uint8Array(pos.length + neg.length);
      y.fill(1, 0, pos.length);
      return { x: [...pos, ...neg].map((r) => r.x), y };
    };
    return { train: split('train'), test: split('test') };
  }

  private checkIndex(): void {
    if (this.trainCounts.size !== this.wordIndex.size) {
      throw new DataFormatError(
        `ImdbEncoder: the training reviews have ${this.trainCounts.size} distinct words, the word index ${this.wordIndex.size}: the index was not made from this text`,
      );
    }
    const byRank: [number, string][] = [...this.wordIndex].map(([w, r]) => [r, w]);
    byRank.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < byRank.length; i++) {
      const [r0, w0] = byRank[i - 1]!;
      const [r1, w1] = byRank[i]!;
      if (this.trainCounts.get(w1)! > this.trainCounts.get(w0)!) {
        throw new DataFormatError(`ImdbEncoder: '${w1}' (rank ${r1}) occurs more often than '${w0}' (rank ${r0}) in the training reviews: the index does not rank this text`);
      }
    }
  }
}

function permute(split: ImdbSplit, perm: Int32Array, inverse: boolean): ImdbSplit {
  const x = new Array<Int32Array>(perm.length);
  const y = new Uint8Array(perm.length);
  for (let i = 0; i < perm.length; i++) {
    const [to, from] = inverse ? [perm[i]!, i] : [i, perm[i]!];
    x[to] = split.x[from]!;
    y[to] = split.y[from]!;
  }
  return { x, y };
}

/**
 * keras.datasets.imdb.load_data's shuffle: one RandomState(seed) shuffles arange(n) for the training
 * split and then for the test split, and row i becomes row indices[i]. `inverse` undoes it.
 */
export function kerasImdbShuffle(data: ImdbEncoded, seed: number, inverse = false): ImdbEncoded {
  const rng = new RandomState(seed);
  const train = permute(data.train, rng.permutation(data.train.x.length), inverse);
  const test = permute(data.test, rng.permutation(data.test.x.length), inverse);
  return { train, test };
}
