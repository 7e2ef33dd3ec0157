// The search order: dataDir option, DLTS_DATA_DIR, cache, bundled copy, system folders.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChecksumError, bundledDir, defaultCacheDir, loadBreastCancer, locateFile, searchPlaces } from '../src/index.js';
import { SHARED_DATA } from './helpers/shared_data.js';
import { tempDir } from './helpers/temp_dirs.js';

const LABELS = 't10k-labels-idx1-ubyte.gz';

/** A fresh folder holding fashion-mnist/<LABELS>, or (flat) <LABELS> itself as system folders do. */
function folderWithLabels(flat = false): string {
  const root = tempDir('dlts-place-');
  const dir = flat ? root : join(root, 'fashion-mnist');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(SHARED_DATA, 'fashion-mnist', LABELS), join(dir, LABELS));
  return root;
}

beforeEach(() => {
  vi.stubEnv('DLTS_DATA_DIR', '');
  vi.stubEnv('DLTS_DATA_URL', '');
  vi.stubEnv('DLTS_CACHE_DIR', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('locateFile search order', () => {
  it('takes the first place that has the file: dataDir, then DLTS_DATA_DIR, then the cache, then system folders', async () => {
    const [dataDir, envDir, cacheDir, systemDir] = [folderWithLabels(), folderWithLabels(), folderWithLabels(), folderWithLabels(true)];
    vi.stubEnv('DLTS_DATA_DIR', envDir);
    const base = { cacheDir, systemDirs: [systemDir], download: false };
    const at = (root: string) => join(root, 'fashion-mnist', LABELS);
    expect(await locateFile('fashion-mnist', LABELS, { ...base, dataDir })).toEqual({ path: at(dataDir), place: 'dataDir option' });
    expect(await locateFile('fashion-mnist', LABELS, base)).toEqual({ path: at(envDir), place: 'DLTS_DATA_DIR' });
    vi.stubEnv('DLTS_DATA_DIR', '');
    expect(await locateFile('fashion-mnist', LABELS, base)).toEqual({ path: at(cacheDir), place: 'cache' });
    const empty = tempDir('dlts-empty-');
    expect(await locateFile('fashion-mnist', LABELS, { ...base, cacheDir: empty })).toEqual({ path: join(systemDir, LABELS), place: 'system folder' });
  });

  it("searches Debian's /usr/share/datasets/fashion-mnist by default, and the bundled copy for the sklearn tables", () => {
    const cacheDir = '/tmp/c';
    expect(searchPlaces('fashion-mnist', { cacheDir }).map((p) => [p.label, p.dir])).toEqual([
      ['dataDir option', { why: 'not given' }],
      ['DLTS_DATA_DIR', { why: 'not set' }],
      ['cache', '/tmp/c/fashion-mnist'],
      ['system folder', '/usr/share/datasets/fashion-mnist'],
    ]);
    expect(searchPlaces('sklearn', { cacheDir, dataDir: '/d' }).map((p) => [p.label, p.dir])).toEqual([
      ['dataDir option', '/d/sklearn'],
      ['DLTS_DATA_DIR', { why: 'not set' }],
      ['cache', '/tmp/c/sklearn'],
      ['bundled with @dlts/data', join(bundledDir, 'sklearn')],
    ]);
  });

  it('loads the sklearn tables from the bundled copy when no other place has them', async () => {
    const empty = tempDir('dlts-empty-');
    const found = await locateFile('sklearn', 'breast_cancer.csv', { cacheDir: empty, download: false });
    expect(found).toEqual({ path: join(bundledDir, 'sklearn', 'breast_cancer.csv'), place: 'bundled with @dlts/data' });
    expect((await loadBreastCancer({ cacheDir: empty, download: false })).data.shape).toEqual([569, 30]);
  });

  it('does not fall back past a damaged file: ChecksumError naming its path', async () => {
    const dataDir = tempDir('dlts-bad-');
    mkdirSync(join(dataDir, 'sklearn'));
    const bad = join(dataDir, 'sklearn', 'breast_cancer.csv');
    writeFileSync(bad, '569,30,malignant,benign\n1,2\n');
    const err = await loadBreastCancer({ dataDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChecksumError);
    expect((err as Error).message).toContain(`${bad}: sha256 of its content is `);
    expect((err as Error).message).toContain('fed3eb72d0575ef6192293f5093c6e801b1476b577d0386bf4455504522172ed');
  });

  it('puts the cache at DLTS_CACHE_DIR, else $XDG_CACHE_HOME/dlts/datasets, else ~/.cache/dlts/datasets', () => {
    vi.stubEnv('XDG_CACHE_HOME', '');
    expect(defaultCacheDir()).toBe(join(homedir(), '.cache', 'dlts', 'datasets'));
    vi.stubEnv('XDG_CACHE_HOME', '/x/cache');
    expect(defaultCacheDir()).toBe('/x/cache/dlts/datasets');
    vi.stubEnv('DLTS_CACHE_DIR', '/y/dlts');
    expect(defaultCacheDir()).toBe('/y/dlts');
    expect(searchPlaces('imdb')[2]).toEqual({ label: 'cache', dir: '/y/dlts/imdb' });
  });
});
