// The raw-text builder against the stored encoding: from the project's text copy of the 50,000
// reviews (aclImdb_train_test_text.jsonl.gz) and from an aclImdb-layout tar.gz made from it here.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildImdbFromArchive, ChecksumError, DataFormatError, datasetSpec, fileSpec, forEachAclImdbReview, forEachImdbTextLine,
  ImdbEncoder, imdbFromEncoding, imdbSplitJsonl, kerasImdbShuffle, kerasTextToWordSequence, readImdbEncoding,
  readImdbWordIndex, type ImdbReview,
} from '../src/index.js';
import { serveFiles, type TestServer } from './helpers/http_server.js';
import { OFFLINE, SHARED_DATA } from './helpers/shared_data.js';
import { tempDir } from './helpers/temp_dirs.js';
import { ustar } from './helpers/ustar.js';

const TEXT = 'aclImdb_train_test_text.jsonl.gz';
const reviews: ImdbReview[] = [];
await forEachImdbTextLine(join(SHARED_DATA, 'imdb', TEXT), fileSpec('imdb', TEXT), (r) => reviews.push(r));
const wordIndex = await readImdbWordIndex(join(SHARED_DATA, 'imdb', 'imdb_word_index.json'));

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('kerasTextToWordSequence', () => {
  it('turns punctuation, tab and newline into spaces, lowercases ASCII only, keeps apostrophes', () => {
    expect(kerasTextToWordSequence("Hello, World! It's <br />OK\tthen\nEND.")).toEqual(['hello', 'world', "it's", 'br', 'ok', 'then', 'end']);
    expect(kerasTextToWordSequence('Ángela  sees ÀGE...and\rCR')).toEqual(['Ángela', 'sees', 'Àge', 'and\rcr']);
    expect(kerasTextToWordSequence('--- !!')).toEqual([]);
  });
});

describe('ImdbEncoder', () => {
  let canonical: ReturnType<ImdbEncoder['finish']>;
  beforeAll(() => {
    const encoder = new ImdbEncoder(wordIndex);
    for (const r of reviews) encoder.add(r);
    canonical = encoder.finish();
  });

  it('reproduces the stored encoded files exactly (shuffled as load_data does with seed 113)', () => {
    expect(reviews).toHaveLength(50000);
    const keras = kerasImdbShuffle(canonical, 113);
    expect(sha256(imdbSplitJsonl(keras.train))).toBe(fileSpec('imdb', 'imdb_train.jsonl.gz').sha256);
    expect(sha256(imdbSplitJsonl(keras.test))).toBe(fileSpec('imdb', 'imdb_test.jsonl.gz').sha256);
  });

  it('and load_data with another seed equals the stored encoding un-shuffled and re-shuffled', async () => {
    const fromText = kerasImdbShuffle(canonical, 7);
    // numWords above the largest id (88587), so Keras's default cut does not turn that word into 2.
    const fromFiles = imdbFromEncoding(await readImdbEncoding(OFFLINE), { seed: 7, numWords: 88588 });
    expect(Array.from(fromFiles.yTrain.data)).toEqual(Array.from(fromText.train.y));
    expect(Array.from(fromFiles.yTest.data)).toEqual(Array.from(fromText.test.y));
    let differing = 0;
    fromText.train.x.forEach((x, i) => (differing += x.join() === fromFiles.xTrain[i]!.join() ? 0 : 1));
    fromText.test.x.forEach((x, i) => (differing += x.join() === fromFiles.xTest[i]!.join() ? 0 : 1));
    expect(differing).toBe(0);
  });

  it('refuses a word index that was not made from the text', () => {
    const enc = new ImdbEncoder(new Map([['a', 1]]));
    expect(() => enc.add({ file: 'train/pos/0_1.txt', text: 'a b' })).toThrow(/word 'b' of train\/pos\/0_1\.txt is not in the word index/);
    const ranks = new ImdbEncoder(new Map([['a', 1], ['b', 2]]));
    ranks.add({ file: 'train/neg/1_1.txt', text: 'b b a' });
    expect(() => ranks.finish()).toThrow(DataFormatError);
    expect(() => ranks.finish()).toThrow(/'b' \(rank 2\) occurs more often than 'a' \(rank 1\)/);
    expect(() => enc.add({ file: 'train/unsup/0_0.txt', text: 'a' })).toThrow(/is not a review file/);
  });
});

describe('building from an aclImdb_v1.tar.gz', () => {
  let server: TestServer;
  let archive: Buffer;
  const extras = [
    { name: 'aclImdb/', dir: true },
    { name: 'aclImdb/README', content: Buffer.from('Large Movie Review Dataset v1.0\n') },
    { name: 'aclImdb/imdb.vocab', content: Buffer.from('the\nand\n') },
    { name: 'aclImdb/train/unsup/0_0.txt', content: Buffer.from('An unlabelled review.') },
  ];

  beforeAll(async () => {
    const entries = [...extras, ...reviews.map((r) => ({ name: `aclImdb/${r.file}`, content: Buffer.from(r.text, 'utf8') }))];
    archive = gzipSync(ustar(entries), { level: 1 });
    server = await serveFiles(new Map([['/aclImdb_v1.tar.gz', archive]]));
  });
  afterAll(async () => server.close());

  const context = (dir: string, sha256OfArchive: string) => ({
    dir,
    spec: {
      ...datasetSpec('imdb'),
      archives: { 'aclImdb_v1.tar.gz': { sha256: sha256OfArchive, sha256Of: 'test archive', urls: [`${server.baseUrl}/gone.tar.gz`, `${server.baseUrl}/aclImdb_v1.tar.gz`] } },
    },
    locate: async (file: string) => join(SHARED_DATA, 'imdb', file),
    progress: undefined,
  });

  it('reads only the labelled reviews, with their text', async () => {
    const small = join(tempDir('dlts-tar-'), 'small.tar');
    const picked = [reviews[0]!, reviews[12500]!, reviews[25000]!, reviews.find((r) => /[^\x00-\x7f]/.test(r.text))!];
    writeFileSync(small, ustar([...extras, ...picked.map((r) => ({ name: `aclImdb/${r.file}`, content: Buffer.from(r.text, 'utf8') }))]));
    const seen: ImdbReview[] = [];
    expect(await forEachAclImdbReview(small, (r) => seen.push(r))).toBe(4);
    expect(seen).toEqual(picked.map((r) => ({ file: r.file, text: r.text })));

    const bad = join(tempDir('dlts-tar-'), 'bad.tar');
    writeFileSync(bad, ustar([{ name: 'aclImdb/test/neg/0_2.txt', content: Buffer.from([0x61, 0xff, 0x62]) }]));
    await expect(forEachAclImdbReview(bad, () => {})).rejects.toThrow(/aclImdb\/test\/neg\/0_2\.txt in .*bad\.tar is not valid UTF-8/);
  });

  it('downloads the archive (trying each URL), builds both files, verifies them, and deletes the archive', async () => {
    const dir = join(tempDir('dlts-build-'), 'imdb');
    await buildImdbFromArchive(context(dir, createHash('sha256').update(archive).digest('hex')));
    // writeImdbSplits renames the files into place only after their sha256 matched the manifest.
    expect(readdirSync(dir).sort()).toEqual(['imdb_test.jsonl.gz', 'imdb_train.jsonl.gz']);
    expect(server.requests).toEqual(['/gone.tar.gz', '/aclImdb_v1.tar.gz']);
  });

  it('refuses an archive whose sha256 is not the published one, leaving nothing behind', async () => {
    const dir = join(tempDir('dlts-build-'), 'imdb');
    await expect(buildImdbFromArchive(context(dir, '0'.repeat(64)))).rejects.toThrow(ChecksumError);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });
});
