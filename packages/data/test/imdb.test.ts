// Expected values: BOOK.md (Ch09), datasets/README.md, and imdb_fixtures.json (Keras's load_data and
// pad_sequences transcribed in Python over the raw files, numpy's RandomState; see fixtures/make_fixtures.py).
import { RandomState } from '@dlts/core';
import { describe, expect, it } from 'vitest';
import { BatchIterator, filterSequences, getImdbWordIndex, imdbFromEncoding, loadImdb, padSequences, readImdbEncoding, takeRows } from '../src/index.js';
import { sha256Of } from './helpers/hashes.js';
import { OFFLINE } from './helpers/shared_data.js';
import fx from './fixtures/imdb_fixtures.json' with { type: 'json' };

const book = await loadImdb({ ...OFFLINE, skipTop: 20, numWords: 100 });
// Read once; the other load_data variants are derived from it (each loadImdb call would re-read 43 MB).
const stored = await readImdbEncoding(OFFLINE);

describe("the book's Ch09 pipeline: load_data(skip_top=20, num_words=100)", () => {
  const dropped = filterSequences(book.xTrain, (id) => id > 2);
  const perm = new RandomState(42).permutation(25000);
  const xTrain = takeRows(dropped, perm.subarray(0, 20000));
  const xVal = takeRows(dropped, perm.subarray(20000));

  it('review 0 has 218 ids, 59 after dropping ids <= 2; review 1 keeps 32', () => {
    expect(book.xTrain).toHaveLength(25000);
    expect(book.xTrain[0]).toHaveLength(218);
    expect(Array.from(book.xTrain[0]!.subarray(0, 20))).toEqual(fx.book.review0_head);
    expect(dropped[0]).toHaveLength(59);
    expect(dropped[1]).toHaveLength(32);
    expect(book.numWords).toBe(100);
  });

  it('permutation(25000) with seed 42 begins 6868, 24016, 9668', () => {
    expect(Array.from(perm.subarray(0, 3))).toEqual([6868, 24016, 9668]);
    expect(Array.from(perm.subarray(0, 5))).toEqual(fx.book.perm_head);
    expect(Array.from(takeRows(book.yTrain, perm.subarray(20000, 20010)).data)).toEqual(fx.book.y_val_head);
  });

  it('pad_sequences(maxlen=100) pads and truncates at the front: row 0 and the whole sets as Keras makes them', () => {
    const seq = padSequences(xTrain, { maxlen: 100 });
    expect(seq.shape).toEqual([20000, 100]);
    expect(Array.from(seq.data.subarray(0, 100))).toEqual(fx.book.train_row0_padded);
    expect(Array.from(padSequences([dropped[0]!], { maxlen: 100 }).data)).toEqual(fx.book.review0_padded);
    expect(sha256Of(seq.data)).toBe(fx.book.train_padded_sha256);
    expect(sha256Of(padSequences(xVal, { maxlen: 100 }).data)).toBe(fx.book.val_padded_sha256);
  });

  it('one-hot encodes per batch: (32, 100, 100) float32 batches, never the 800 MB whole', () => {
    const seq = padSequences(xTrain, { maxlen: 100 });
    const it = new BatchIterator({ x: seq, y: takeRows(book.yTrain, perm.subarray(0, 20000)) }, { batchSize: 32, seed: 42, oneHot: { x: 100 } });
    expect(it.length).toBe(625);
    const first = it.epoch().next().value!;
    expect(first.x.shape).toEqual([32, 100, 100]);
    expect(first.x.data).toBeInstanceOf(Float32Array);
    const row = first.indices[0]!;
    for (let t = 0; t < 100; t++) {
      const id = seq.data[row * 100 + t]!;
      expect(first.x.data.subarray(t * 100, t * 100 + 100).indexOf(1)).toBe(id);
    }
  });
});

describe('loadImdb: keras.datasets.imdb.load_data semantics', () => {
  it('defaults: the stored encoding, except that Keras turns the largest id into oov (num_words = max id)', () => {
    const d = imdbFromEncoding(stored);
    expect(d.numWords).toBe(fx.defaults.num_words);
    expect(Array.from(d.yTrain.data.subarray(0, 10))).toEqual([1, 0, 0, 1, 0, 0, 1, 0, 1, 0]);
    expect(Array.from(d.xTrain[0]!.subarray(0, 12))).toEqual([1, 14, 22, 16, 43, 530, 973, 1622, 1385, 65, 458, 4468]);
    const all = [...d.xTrain, ...d.xTest];
    const total = all.reduce((s, x) => s + x.length, 0);
    expect(total).toBe(11737946);
    expect(total / 50000).toBeCloseTo(234.76, 2);
    const twos = (xs: Int32Array[]) => xs.reduce((s, x) => s + x.filter((v) => v === 2).length, 0);
    expect([twos(d.xTrain), twos(d.xTest)]).toEqual([fx.defaults.twos_train, fx.defaults.twos_test]);
    expect(Math.max(...all.map((x) => Math.max(...x)))).toBe(fx.defaults.max_id);
    const positives = (y: Uint8Array) => y.reduce((s, v) => s + v, 0);
    expect([positives(d.yTrain.data), positives(d.yTest.data)]).toEqual([12500, 12500]);
  });

  it('maxlen drops reviews that are not shorter (start id counted); num_words then defaults to the max kept id', () => {
    const d = imdbFromEncoding(stored, { maxlen: 100 });
    expect([d.xTrain.length, d.xTest.length]).toEqual([fx.maxlen100.n_train, fx.maxlen100.n_test]);
    expect(Array.from(d.xTrain[0]!)).toEqual(fx.maxlen100.first_train);
    expect(Array.from(d.yTrain.data.subarray(0, 10))).toEqual(fx.maxlen100.y_head);
    expect(d.numWords).toBe(fx.maxlen100.num_words);
    expect(d.yTrain.shape).toEqual([fx.maxlen100.n_train]);
  });

  it('startChar, oovChar and indexFrom: null start, dropped oov words, other ids', () => {
    const a = imdbFromEncoding(stored, { numWords: 50, skipTop: 5, startChar: null, oovChar: null, indexFrom: 2 });
    expect(Array.from(a.xTrain[0]!)).toEqual(fx.no_start_no_oov.train0);
    expect(Array.from(a.xTest[0]!)).toEqual(fx.no_start_no_oov.test0);
    expect([...a.xTrain, ...a.xTest].reduce((s, x) => s + x.length, 0)).toBe(fx.no_start_no_oov.total);
    const b = imdbFromEncoding(stored, { numWords: 1000, startChar: 7, oovChar: 5, indexFrom: 10 });
    expect(Array.from(b.xTrain[1]!)).toEqual(fx.custom_chars.train1);
  });

  it('refuses bad options with the reason', async () => {
    expect(() => imdbFromEncoding(stored, { maxlen: 1 })).toThrow(/no sequence was kept\. Increase maxlen/);
    expect(() => imdbFromEncoding(stored, { numWords: 0 })).toThrow(/numWords must be an integer >= 1, got 0/);
    expect(() => imdbFromEncoding(stored, { skipTop: -1 })).toThrow(/skipTop must be an integer >= 0, got -1/);
    await expect(loadImdb({ ...OFFLINE, indexFrom: 1.5 })).rejects.toThrow(/indexFrom must be an integer >= 0, got 1.5/);
  });

  it("getImdbWordIndex returns Keras's word -> rank map", async () => {
    const index = await getImdbWordIndex(OFFLINE);
    expect(index.size).toBe(88584);
    expect([index.get('the'), index.get('and'), index.get('fawn'), index.get('br')]).toEqual([1, 2, 34701, 7]);
    expect(Math.max(...index.values())).toBe(88584);
  });
});
