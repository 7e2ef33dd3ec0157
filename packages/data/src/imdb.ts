import { DltsError } from '@dlts/core';
import { dataArray, type DataArray } from './data_array.js';
import type { DataOptions } from './data_options.js';
import { FILE_INDEX_FROM, KERAS_IMDB_SEED, kerasImdbShuffle, type ImdbEncoded, type ImdbSplit } from './imdb_encoding.js';
import { IMDB_FILES, readImdbSplit } from './imdb_files.js';
import { readImdbWordIndex } from './imdb_word_index.js';
import { locateFile } from './locate.js';

/** keras.datasets.imdb.load_data's arguments, camelCased, with its defaults. */
export interface ImdbOptions extends DataOptions {
  /** Keep ids below this; others become oovChar. Default: the largest id present (Keras's rule, see README). */
  readonly numWords?: number;
  /** Ids below this become oovChar (compared with the shifted id, so the start id is affected too). Default 0. */
  readonly skipTop?: number;
  /** Drop reviews whose length (start id included) is not below this. Default: keep all. */
  readonly maxlen?: number;
  /** Shuffle seed. Default 113. */
  readonly seed?: number;
  /** Id put first in each review; null for none. Default 1. */
  readonly startChar?: number | null;
  /** Id for words cut by numWords / skipTop; null drops them. Default 2. */
  readonly oovChar?: number | null;
  /** A word of rank r gets id r + indexFrom. Default 3. */
  readonly indexFrom?: number;
}

export interface Imdb {
  /** 25,000 reviews (fewer with maxlen), each an Int32Array of word ids. */
  readonly xTrain: Int32Array[];
  /** [n] 1 = positive, 0 = negative. */
  readonly yTrain: DataArray<Uint8Array>;
  readonly xTest: Int32Array[];
  readonly yTest: DataArray<Uint8Array>;
  /** The numWords in effect (the default one when not given). */
  readonly numWords: number;
}

function checkCount(name: string, v: number | null | undefined, min: number): void {
  if (v !== undefined && v !== null && (!Number.isInteger(v) || v < min)) throw new DltsError(`loadImdb: ${name} must be an integer >= ${min}, got ${v}`);
}

function checkOptions(o: ImdbOptions): void {
  checkCount('numWords', o.numWords, 1);
  checkCount('skipTop', o.skipTop, 0);
  checkCount('maxlen', o.maxlen, 1);
  checkCount('indexFrom', o.indexFrom, 0);
  checkCount('seed', o.seed, 0);
  checkCount('startChar', o.startChar, 0);
  checkCount('oovChar', o.oovChar, 0);
}

/** Keras's last step: ids outside [skipTop, limit) become oovChar, or are dropped when it is null. Always new arrays. */
function cutIds(seqs: Int32Array[], skipTop: number, limit: number, oovChar: number | null): Int32Array[] {
  return seqs.map((s) => {
    const out = new Int32Array(s.length);
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const w = s[i]!;
      if (w >= skipTop && w < limit) out[n++] = w;
      else if (oovChar !== null) out[n++] = oovChar;
    }
    return n === s.length ? out : out.slice(0, n);
  });
}

/** Re-derives load_data's ids from the stored ones (start 1, rank + 3) for other startChar / indexFrom. */
function shiftIds(split: ImdbSplit, startChar: number | null, indexFrom: number): Int32Array[] {
  const offset = indexFrom - FILE_INDEX_FROM;
  if (startChar === 1 && offset === 0) return split.x;
  const head = startChar === null ? 0 : 1;
  return split.x.map((seq) => {
    const out = new Int32Array(seq.length - 1 + head);
    if (head) out[0] = startChar!;
    for (let i = 1; i < seq.length; i++) out[i - 1 + head] = seq[i]! + offset;
    return out;
  });
}

function keepShort(x: Int32Array[], y: Uint8Array, maxlen: number | undefined): [Int32Array[], Uint8Array] {
  if (maxlen === undefined) return [x, y];
  const keep = x.map((s, i) => [s.length < maxlen, i] as const).filter(([k]) => k).map(([, i]) => i);
  return [keep.map((i) => x[i]!), Uint8Array.from(keep, (i) => y[i]!)];
}

/**
 * The stored encoding (Keras's npz shuffled with seed 113, ids start 1 / rank + 3), found or
 * fetched like every data set (see DataOptions) and verified. Read it once and derive several
 * load_data variants from it with imdbFromEncoding().
 */
export async function readImdbEncoding(options: DataOptions = {}): Promise<ImdbEncoded> {
  const read = async (split: 'train' | 'test') => readImdbSplit((await locateFile('imdb', IMDB_FILES[split], options)).path, IMDB_FILES[split]);
  return { train: await read('train'), test: await read('test') };
}

/**
 * What keras.datasets.imdb.load_data returns for these options (same ids, same order, same quirks),
 * from the stored encoding: re-shuffled for another seed, ids shifted for other startChar /
 * indexFrom, then maxlen, numWords and skipTop applied as Keras does. `stored` is not modified.
 */
export function imdbFromEncoding(stored: ImdbEncoded, options: ImdbOptions = {}): Imdb {
  checkOptions(options);
  const { numWords, skipTop = 0, maxlen, seed = KERAS_IMDB_SEED, startChar = 1, oovChar = 2, indexFrom = FILE_INDEX_FROM } = options;

  const data = seed === KERAS_IMDB_SEED ? stored : kerasImdbShuffle(kerasImdbShuffle(stored, KERAS_IMDB_SEED, true), seed);
  const [xTrain0, yTrain] = keepShort(shiftIds(data.train, startChar, indexFrom), data.train.y, maxlen);
  const [xTest0, yTest] = keepShort(shiftIds(data.test, startChar, indexFrom), data.test.y, maxlen);
  if (xTrain0.length === 0 || xTest0.length === 0) {
    throw new DltsError(`loadImdb: after filtering for sequences shorter than maxlen=${maxlen}, no sequence was kept. Increase maxlen.`);
  }
  let limit = numWords;
  if (limit === undefined) {
    // Keras: num_words = max(max(x) for x in xs), then keeps only ids < num_words, so the largest id itself turns into oovChar.
    limit = 0;
    for (const seqs of [xTrain0, xTest0]) for (const s of seqs) for (let i = 0; i < s.length; i++) if (s[i]! > limit) limit = s[i]!;
  }
  return {
    xTrain: cutIds(xTrain0, skipTop, limit, oovChar),
    yTrain: dataArray(yTrain, [yTrain.length]),
    xTest: cutIds(xTest0, skipTop, limit, oovChar),
    yTest: dataArray(yTest, [yTest.length]),
    numWords: limit,
  };
}

/**
 * The IMDB reviews exactly as keras.datasets.imdb.load_data returns them with these options: the
 * stored encoding (readImdbEncoding) turned into load_data's output (imdbFromEncoding).
 */
export async function loadImdb(options: ImdbOptions = {}): Promise<Imdb> {
  checkOptions(options);
  return imdbFromEncoding(await readImdbEncoding(options), options);
}

/**
 * keras.datasets.imdb.get_word_index(): word -> rank (1 = most frequent). In load_data's output a
 * word of rank r is the id r + indexFrom (3 by default).
 */
export async function getImdbWordIndex(options: DataOptions = {}): Promise<Map<string, number>> {
  return readImdbWordIndex((await locateFile('imdb', 'imdb_word_index.json', options)).path);
}
