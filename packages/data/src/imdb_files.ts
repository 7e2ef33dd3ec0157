import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { readContent, streamContent } from './content.js';
import { tempPath } from './download.js';
import { DataFormatError } from './errors.js';
import type { ImdbEncoded, ImdbSplit } from './imdb_encoding.js';
import { fileSpec } from './manifest.js';

const gzipAsync = promisify(gzip);

export const IMDB_FILES = { train: 'imdb_train.jsonl.gz', test: 'imdb_test.jsonl.gz' } as const;

/** Parses an encoded split file: one `{"y":0|1,"x":[ids...]}` a line. The content is verified by sha256 first. */
export async function readImdbSplit(path: string, file: string): Promise<ImdbSplit> {
  const text = (await readContent(path, fileSpec('imdb', file))).toString('utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const x = new Array<Int32Array>(lines.length);
  const y = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const row = JSON.parse(lines[i]!) as { y: unknown; x: unknown };
    if ((row.y !== 0 && row.y !== 1) || !Array.isArray(row.x)) throw new DataFormatError(`${path}: line ${i + 1} is not {"y":0|1,"x":[...]}`);
    y[i] = row.y;
    x[i] = Int32Array.from(row.x as number[]);
  }
  return { x, y };
}

/** The split file's exact text (what its sha256 in the manifest is of). */
export function imdbSplitJsonl(split: ImdbSplit): string {
  const parts: string[] = [];
  for (let i = 0; i < split.x.length; i++) parts.push(`{"y":${split.y[i]},"x":[${split.x[i]!.join(',')}]}\n`);
  return parts.join('');
}

/**
 * Writes both encoded split files (load_data's order) into `dir`: each gzipped to a temporary file
 * and verified against the manifest, and only when both verify are they renamed into place.
 */
export async function writeImdbSplits(dir: string, data: ImdbEncoded): Promise<void> {
  await mkdir(dir, { recursive: true });
  const staged: [string, string][] = [];
  try {
    for (const split of ['train', 'test'] as const) {
      const file = IMDB_FILES[split];
      const dest = join(dir, file);
      const tmp = tempPath(dest);
      staged.push([tmp, dest]);
      await writeFile(tmp, await gzipAsync(imdbSplitJsonl(data[split])), { flag: 'wx' });
      await streamContent(tmp, fileSpec('imdb', file), () => {});
    }
    for (const [tmp, dest] of staged) await rename(tmp, dest);
  } finally {
    for (const [tmp] of staged) await rm(tmp, { force: true });
  }
}
