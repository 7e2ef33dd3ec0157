import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The data sets' offline copies, for tests that need real data: DLTS_DATA_DIR (.ci/run exports it),
 * else the shared folder beside the repository. Data missing there is a failure, never a skip, so
 * CI can not pass without running these tests.
 */
function findSharedData(): string {
  const fromEnv = process.env.DLTS_DATA_DIR || undefined;
  const dir = fromEnv ?? fileURLToPath(new URL('../../../../../shared/datasets', import.meta.url));
  if (['sklearn', 'fashion-mnist', 'imdb'].every((d) => existsSync(`${dir}/${d}`))) return dir;
  throw new Error(
    `these tests need the data sets' offline copies (sklearn/, fashion-mnist/, imdb/), and ${dir} ` +
      `(${fromEnv ? 'DLTS_DATA_DIR' : 'the shared folder beside the repository; DLTS_DATA_DIR is not set'}) does not hold them. ` +
      'Set DLTS_DATA_DIR to a folder with that layout (see datasets/README.md).',
  );
}

export const SHARED_DATA = findSharedData();

/** Loader options that read the offline copies only: never the network. */
export const OFFLINE = { dataDir: SHARED_DATA, download: false, progress: false } as const;
