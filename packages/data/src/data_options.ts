import type { ProgressCallback } from './progress.js';

/** Where to look for a data set and whether to download it. Every loader takes these. */
export interface DataOptions {
  /** A folder with the data-dir layout (`<dataset>/<file>`, as datasets/README.md shows); searched first. */
  readonly dataDir?: string;
  /** The download cache; default `DLTS_CACHE_DIR`, else `$XDG_CACHE_HOME/dlts/datasets` (`~/.cache/dlts/datasets`). */
  readonly cacheDir?: string;
  /** Download what is not found (default true); false makes a missing file an immediate DataNotFoundError. */
  readonly download?: boolean;
  /** A mirror serving the data-dir layout over HTTP(S); replaces the canonical sources. Default `DLTS_DATA_URL`. */
  readonly baseUrl?: string;
  /** Replaces the manifest's system folders for this data set (e.g. Debian's /usr/share/datasets/fashion-mnist). */
  readonly systemDirs?: readonly string[];
  /** Download progress: a callback, false for silence, or (default) lines on stderr. */
  readonly progress?: boolean | ProgressCallback;
}
