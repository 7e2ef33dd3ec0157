import { readContent } from './content.js';
import { DataFormatError } from './errors.js';
import { fileSpec } from './manifest.js';

/** Reads Keras's imdb_word_index.json (word -> frequency rank, 1 = most frequent), verified by sha256. */
export async function readImdbWordIndex(path: string): Promise<Map<string, number>> {
  const text = (await readContent(path, fileSpec('imdb', 'imdb_word_index.json'))).toString('utf8');
  const parsed = JSON.parse(text) as Record<string, unknown>;
  const index = new Map<string, number>();
  for (const [word, rank] of Object.entries(parsed)) {
    if (!Number.isInteger(rank)) throw new DataFormatError(`${path}: rank of '${word}' is not an integer: ${JSON.stringify(rank)}`);
    index.set(word, rank as number);
  }
  return index;
}
