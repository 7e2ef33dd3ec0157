import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { ChecksumError, DataFormatError } from './errors.js';

/** What a file's content must hash to, and whether it is gzip-compressed on disk. */
export interface ContentCheck {
  readonly sha256: string;
  readonly gzip: boolean;
}

/**
 * Streams a file's content (gunzipped when `gzip`) to `onChunk`, hashing it on the way, and throws a
 * ChecksumError naming the path when the sha256 differs. Callers must not keep what they built from
 * the chunks when this throws.
 */
export async function streamContent(path: string, check: ContentCheck, onChunk: (chunk: Buffer) => void): Promise<void> {
  const hash = createHash('sha256');
  const sink = async (source: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of source) {
      hash.update(chunk);
      onChunk(chunk);
    }
  };
  try {
    if (check.gzip) await pipeline(createReadStream(path), createGunzip(), sink);
    else await pipeline(createReadStream(path), sink);
  } catch (err) {
    if (err instanceof ChecksumError || err instanceof DataFormatError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code?.startsWith('Z_')) throw new DataFormatError(`${path}: not valid gzip data (${(err as Error).message}); the file is damaged: delete it or replace it`);
    throw err;
  }
  const actual = hash.digest('hex');
  if (actual !== check.sha256) {
    throw new ChecksumError(
      `${path}: sha256 of its ${check.gzip ? 'decompressed ' : ''}content is ${actual}, but the manifest expects ${check.sha256}. ` +
        'The file is damaged or not the one the manifest names: delete it (it is fetched again) or replace it with a good copy.',
    );
  }
}

/** A file's whole (decompressed) content, verified against its sha256. */
export async function readContent(path: string, check: ContentCheck): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await streamContent(path, check, (c) => chunks.push(c));
  return Buffer.concat(chunks);
}
