import { createReadStream } from 'node:fs';
import { Parser, type ReadEntry } from 'tar';
import { readContent, type ContentCheck } from './content.js';
import { DataFormatError } from './errors.js';
import type { ImdbReview } from './imdb_encoding.js';

const REVIEW_ENTRY = /^aclImdb\/((?:train|test)\/(?:pos|neg)\/[^/]+\.txt)$/;

/**
 * Calls `onReview` for each labelled review in aclImdb_v1.tar.gz (aclImdb/{train,test}/{pos,neg}/*.txt),
 * in archive order; the unlabelled reviews and other files are skipped. Text is decoded as UTF-8,
 * strictly: a file that is not valid UTF-8 is an error naming it.
 */
export async function forEachAclImdbReview(archivePath: string, onReview: (review: ImdbReview) => void): Promise<number> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let count = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (err: unknown) => reject(err instanceof Error ? err : new DataFormatError(`${archivePath}: ${String(err)}`));
    const input = createReadStream(archivePath);
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        const m = entry.type === 'File' ? REVIEW_ENTRY.exec(entry.path) : null;
        if (!m) {
          entry.resume();
          return;
        }
        const chunks: Buffer[] = [];
        entry.on('data', (c: Buffer) => chunks.push(c));
        entry.on('end', () => {
          try {
            onReview({ file: m[1]!, text: decoder.decode(Buffer.concat(chunks)) });
            count++;
          } catch (err) {
            const why = err instanceof TypeError ? new DataFormatError(`${entry.path} in ${archivePath} is not valid UTF-8`) : err;
            input.destroy();
            fail(why);
          }
        });
      },
    });
    parser.on('error', fail);
    parser.on('abort', fail);
    parser.on('end', () => resolve());
    input.on('error', fail);
    input.pipe(parser);
  });
  return count;
}

/** The same reviews from the project's JSON-lines copy (`{"file","y","text"}` a line), verified by sha256. */
export async function forEachImdbTextLine(path: string, check: ContentCheck, onReview: (review: ImdbReview) => void): Promise<number> {
  const lines = (await readContent(path, check)).toString('utf8').split('\n');
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const row = JSON.parse(lines[i]!) as { file?: unknown; text?: unknown };
    if (typeof row.file !== 'string' || typeof row.text !== 'string') throw new DataFormatError(`${path}: line ${i + 1} is not {"file","y","text"}`);
    onReview({ file: row.file, text: row.text });
    count++;
  }
  return count;
}
