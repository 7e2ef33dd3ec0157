// The download path, offline: a local HTTP server on 127.0.0.1 stands in for a mirror of the
// data-dir layout (the baseUrl option, as DLTS_DATA_URL would set it).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ChecksumError, DataNotFoundError, getImdbWordIndex, loadFashionMnist, locateFile, type DownloadProgress,
} from '../src/index.js';
import { closedPort, serveFiles, type TestServer } from './helpers/http_server.js';
import { SHARED_DATA } from './helpers/shared_data.js';
import { tempDir } from './helpers/temp_dirs.js';

const LABELS = 't10k-labels-idx1-ubyte.gz';
const shared = (path: string) => readFileSync(join(SHARED_DATA, path));
const labelsBytes = shared(`fashion-mnist/${LABELS}`);

let server: TestServer;
let cacheDir: string;

beforeAll(async () => {
  const files = new Map<string, Buffer>();
  for (const f of ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', LABELS]) {
    files.set(`/good/fashion-mnist/${f}`, shared(`fashion-mnist/${f}`));
  }
  files.set('/good/imdb/imdb_word_index.json', shared('imdb/imdb_word_index.json'));
  // Valid gzip of other content (one label changed), and bytes that are not gzip at all.
  const changed = gunzipSync(labelsBytes);
  changed[100] = (changed[100]! + 1) % 10;
  files.set(`/corrupt/fashion-mnist/${LABELS}`, gzipSync(changed));
  files.set(`/garbage/fashion-mnist/${LABELS}`, Buffer.from('<html>an error page</html>'));
  server = await serveFiles(files);
});

afterAll(async () => server.close());

beforeEach(() => {
  // CI exports DLTS_DATA_DIR; these tests must not find the offline copies there.
  vi.stubEnv('DLTS_DATA_DIR', '');
  vi.stubEnv('DLTS_DATA_URL', '');
  cacheDir = tempDir('dlts-data-cache-');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const opts = (base: string, extra: object = {}) => ({ cacheDir, baseUrl: `${server.baseUrl}/${base}`, systemDirs: [], progress: false as const, ...extra });

describe('download into the cache', () => {
  it('downloads a missing file, verifies it, reports progress, and then finds it in the cache', async () => {
    const events: DownloadProgress[] = [];
    const first = await locateFile('fashion-mnist', LABELS, opts('good', { progress: (p: DownloadProgress) => events.push(p) }));
    expect(first).toEqual({ path: join(cacheDir, 'fashion-mnist', LABELS), place: 'downloaded into the cache' });
    expect(readFileSync(first.path).equals(labelsBytes)).toBe(true);
    expect(server.requests.filter((r) => r.endsWith(`/good/fashion-mnist/${LABELS}`))).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ done: true, received: labelsBytes.length });
    expect(events[0]).toMatchObject({ url: `${server.baseUrl}/good/fashion-mnist/${LABELS}`, total: labelsBytes.length, done: false });
    expect(readdirSync(join(cacheDir, 'fashion-mnist'))).toEqual([LABELS]);

    const second = await locateFile('fashion-mnist', LABELS, opts('good'));
    expect(second).toEqual({ path: first.path, place: 'cache' });
    expect(server.requests.filter((r) => r.endsWith(`/good/fashion-mnist/${LABELS}`))).toHaveLength(1);
  });

  it('lets a loader fetch a whole data set from the mirror (DLTS_DATA_URL) and load it', async () => {
    vi.stubEnv('DLTS_DATA_URL', `${server.baseUrl}/good/`);
    const before = server.requests.length;
    const fm = await loadFashionMnist({ cacheDir, systemDirs: [], progress: false });
    expect(fm.xTest.shape).toEqual([10000, 28, 28]);
    expect(fm.yTrain.shape).toEqual([60000]);
    expect(server.requests.length - before).toBe(4);
    expect(readdirSync(join(cacheDir, 'fashion-mnist')).sort()).toHaveLength(4);
  });

  it('shows progress on stderr by default (start and end lines)', async () => {
    const writes: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      const index = await getImdbWordIndex({ cacheDir, baseUrl: `${server.baseUrl}/good`, systemDirs: [] });
      expect(index.get('the')).toBe(1);
    } finally {
      spy.mockRestore();
    }
    const text = writes.join('');
    expect(text).toContain(`downloading ${server.baseUrl}/good/imdb/imdb_word_index.json (1.6 MB)`);
    expect(text).toContain(`downloaded 1.6 MB -> ${join(cacheDir, 'imdb', 'imdb_word_index.json')}`);
  });

  for (const kind of ['corrupt', 'garbage'] as const) {
    it(`refuses a ${kind === 'corrupt' ? 'file with the wrong content' : 'file that is not gzip'}: ChecksumError, nothing cached`, async () => {
      const err = await locateFile('fashion-mnist', LABELS, opts(kind)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ChecksumError);
      expect((err as Error).message).toContain(`${server.baseUrl}/${kind}/fashion-mnist/${LABELS}`);
      expect((err as Error).message).toContain('nothing was cached');
      const dir = join(cacheDir, 'fashion-mnist');
      expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    });
  }

  it('reports a file the server does not have with every place tried and how to supply it', async () => {
    const err = await locateFile('fashion-mnist', LABELS, opts('missing')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataNotFoundError);
    const e = err as DataNotFoundError;
    expect(e.tried).toEqual([
      'dataDir option: not given',
      'DLTS_DATA_DIR: not set',
      `cache: no ${join(cacheDir, 'fashion-mnist', LABELS)}`,
      `download ${server.baseUrl}/missing/fashion-mnist/${LABELS}: HTTP 404 Not Found`,
    ]);
    expect(e.message).toContain('To supply it: point DLTS_DATA_DIR');
    expect(e.message).toContain('apt-get install dataset-fashion-mnist');
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('offline (connection refused) gives the same single error, naming the network failure', async () => {
    const port = await closedPort();
    const err = await locateFile('imdb', 'imdb_word_index.json', { cacheDir, baseUrl: `http://127.0.0.1:${port}`, progress: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataNotFoundError);
    const last = (err as DataNotFoundError).tried.at(-1)!;
    expect(last).toContain(`download http://127.0.0.1:${port}/imdb/imdb_word_index.json: fetch failed`);
    expect(last).toContain('ECONNREFUSED');
  });

  it('with download: false, lists the places and says downloading was disabled', async () => {
    const dataDir = tempDir('dlts-empty-');
    const err = await locateFile('fashion-mnist', LABELS, { cacheDir, dataDir, download: false, systemDirs: ['/nonexistent/fashion-mnist'] }).catch((e: unknown) => e);
    expect((err as DataNotFoundError).tried).toEqual([
      `dataDir option: no ${join(dataDir, 'fashion-mnist', LABELS)}`,
      'DLTS_DATA_DIR: not set',
      `cache: no ${join(cacheDir, 'fashion-mnist', LABELS)}`,
      `system folder: no /nonexistent/fashion-mnist/${LABELS}`,
      'download: disabled by the download: false option',
    ]);
  });

  it('says when a file has no download source at all', async () => {
    const err = await locateFile('imdb', 'aclImdb_train_test_text.jsonl.gz', { cacheDir, progress: false }).catch((e: unknown) => e);
    expect((err as DataNotFoundError).tried.at(-1)).toMatch(/^download: imdb\/aclImdb_train_test_text\.jsonl\.gz has no download source/);
  });
});
