import { access, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { streamContent } from './content.js';
import { downloadVerified } from './download.js';
import { DataFormatError, DownloadError } from './errors.js';
import { writeImdbSplits } from './imdb_files.js';
import { ImdbEncoder, KERAS_IMDB_SEED, kerasImdbShuffle } from './imdb_encoding.js';
import { forEachAclImdbReview } from './imdb_reviews.js';
import { readImdbWordIndex } from './imdb_word_index.js';
import type { DatasetSpec } from './manifest.js';
import type { ProgressCallback } from './progress.js';

/** What a builder gets from locateFile: the data set's cache folder, its manifest entry, and a way to find its other files. */
export interface BuildContext {
  readonly dir: string;
  readonly spec: DatasetSpec;
  readonly locate: (file: string) => Promise<string>;
  readonly progress: ProgressCallback | undefined;
}

const ARCHIVE = 'aclImdb_v1.tar.gz';

/**
 * Makes imdb_train.jsonl.gz and imdb_test.jsonl.gz in the cache from the canonical aclImdb_v1.tar.gz
 * (downloaded and checked against its published sha256, or one already in the cache folder) and
 * Keras's word index: encode, shuffle as load_data does with seed 113, verify against the manifest,
 * rename into place. A downloaded archive is deleted afterwards.
 */
export async function buildImdbFromArchive(ctx: BuildContext): Promise<void> {
  const wordIndex = await readImdbWordIndex(await ctx.locate('imdb_word_index.json'));
  const archive = ctx.spec.archives?.[ARCHIVE];
  if (!archive) throw new DataFormatError(`imdb: the manifest lists no ${ARCHIVE}`);
  const archivePath = join(ctx.dir, ARCHIVE);
  const check = { sha256: archive.sha256, gzip: false };
  let downloaded = false;
  try {
    await access(archivePath);
    await streamContent(archivePath, check, () => {});
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    const failures: string[] = [];
    for (const url of archive.urls) {
      try {
        await downloadVerified(url, archivePath, check, ctx.progress);
        downloaded = true;
        break;
      } catch (e) {
        if (!(e instanceof DownloadError)) throw e;
        failures.push(e.message);
      }
    }
    if (!downloaded) throw new DownloadError(`of ${ARCHIVE} failed: ${failures.join('; ')}`);
  }
  try {
    const encoder = new ImdbEncoder(wordIndex);
    await forEachAclImdbReview(archivePath, (review) => encoder.add(review));
    await writeImdbSplits(ctx.dir, kerasImdbShuffle(encoder.finish(), KERAS_IMDB_SEED));
  } finally {
    if (downloaded) await rm(archivePath, { force: true });
  }
}
