import { DltsError } from '@dlts/core';

/** A data file was in none of the places searched and could not be downloaded; `tried` lists every place and attempt. */
export class DataNotFoundError extends DltsError {
  constructor(
    message: string,
    readonly tried: readonly string[],
  ) {
    super(message);
  }
}

/** A file's content does not have the sha256 the manifest records (damaged, truncated or a different file). */
export class ChecksumError extends DltsError {}

/** A file that does not parse as the format it should have (IDX header, CSV cell, JSON line, tar entry). */
export class DataFormatError extends DltsError {}

/** One download attempt that failed (HTTP status, network error); collected into DataNotFoundError's list. */
export class DownloadError extends DltsError {}
