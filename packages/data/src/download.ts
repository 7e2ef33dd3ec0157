import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { streamContent, type ContentCheck } from './content.js';
import { ChecksumError, DataFormatError, DownloadError } from './errors.js';
import type { ProgressCallback } from './progress.js';

/** A sibling temporary name, unique per process and call, so concurrent downloads never collide. */
export function tempPath(dest: string): string {
  return `${dest}.${process.pid}.${randomBytes(4).toString('hex')}.part`;
}

function describeFetchError(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  const cause = e.cause?.code ?? e.cause?.message;
  return cause ? `${e.message} (${cause})` : String(e.message ?? err);
}

/** Fetches `url` into `path` (created exclusively), reporting progress; throws DownloadError on HTTP or network failure. */
export async function fetchToFile(url: string, path: string, dest: string, progress?: ProgressCallback): Promise<number> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow' });
  } catch (err) {
    throw new DownloadError(`${url}: ${describeFetchError(err)}`);
  }
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    throw new DownloadError(`${url}: HTTP ${res.status} ${res.statusText}`);
  }
  const length = Number(res.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : undefined;
  let received = 0;
  await mkdir(dirname(path), { recursive: true });
  try {
    await pipeline(
      Readable.fromWeb(res.body as unknown as NodeReadableStream<Uint8Array>),
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          received += chunk.length;
          progress?.({ url, dest, received, total, done: false });
          yield chunk;
        }
      },
      createWriteStream(path, { flags: 'wx' }),
    );
  } catch (err) {
    await rm(path, { force: true });
    throw new DownloadError(`${url}: transfer failed after ${received} bytes: ${describeFetchError(err)}`);
  }
  return received;
}

/**
 * Downloads `url` to `dest`: into a temporary file beside it, verified against `check` (sha256 of
 * the decompressed content for gzip files), then renamed into place, so `dest` never holds a
 * partial or wrong file. A checksum mismatch removes the temporary file and throws ChecksumError.
 */
export async function downloadVerified(url: string, dest: string, check: ContentCheck, progress?: ProgressCallback): Promise<void> {
  const tmp = tempPath(dest);
  try {
    const received = await fetchToFile(url, tmp, dest, progress);
    try {
      await streamContent(tmp, check, () => {});
    } catch (err) {
      if (err instanceof ChecksumError || err instanceof DataFormatError) {
        throw new ChecksumError(
          `download of ${url}: its ${check.gzip ? 'decompressed ' : ''}content does not have the manifest's sha256 ` +
            `${check.sha256} (${err.message}); nothing was cached. The source is damaged or serves another file.`,
        );
      }
      throw err;
    }
    await rename(tmp, dest);
    progress?.({ url, dest, received, total: received, done: true });
  } finally {
    await rm(tmp, { force: true });
  }
}
