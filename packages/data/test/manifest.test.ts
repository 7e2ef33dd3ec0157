// The manifest against the files themselves: checksums recomputed here with node:crypto, sizes, and
// the SHA256SUMS that ship with the offline copies.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundledDir, datasetSpec, manifest } from '../src/index.js';
import { SHARED_DATA } from './helpers/shared_data.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('datasets/manifest.json', () => {
  it('is byte-identical to the package copy (run `pnpm --filter @dlts/data sync-manifest` after editing it)', () => {
    const repo = readFileSync(new URL('../../../datasets/manifest.json', import.meta.url));
    const pkg = readFileSync(new URL('../src/manifest.json', import.meta.url));
    expect(pkg.equals(repo)).toBe(true);
  });

  it('names the three data sets, each with licence, citation and homepage', () => {
    expect(Object.keys(manifest.datasets).sort()).toEqual(['fashion-mnist', 'imdb', 'sklearn']);
    for (const spec of Object.values(manifest.datasets)) {
      expect(spec.licence.length).toBeGreaterThan(10);
      expect(spec.citation.length).toBeGreaterThan(20);
      expect(spec.homepage).toMatch(/^https:\/\//);
    }
  });

  it('gives every file a way to be had: a download URL, a builder, or a stated origin', () => {
    for (const spec of Object.values(manifest.datasets)) {
      for (const [file, f] of Object.entries(spec.files)) {
        expect(f.sha256, file).toMatch(/^[0-9a-f]{64}$/);
        expect(f.gzip, file).toBe(file.endsWith('.gz'));
        for (const url of f.urls) expect(url, file).toMatch(/^https?:\/\/[^/]+\/.+/);
        expect(f.urls.length > 0 || f.build !== undefined || f.origin !== undefined, file).toBe(true);
      }
    }
    expect(datasetSpec('imdb').archives!['aclImdb_v1.tar.gz']!.urls[0]).toMatch(/aclImdb_v1\.tar\.gz$/);
  });

  for (const name of ['sklearn', 'fashion-mnist', 'imdb'] as const) {
    it(`matches the offline copies of ${name}: sha256 and size of the (decompressed) content`, () => {
      const dir = join(SHARED_DATA, name);
      const sums = new Map(
        readFileSync(join(dir, 'SHA256SUMS'), 'utf8')
          .trim()
          .split('\n')
          .map((l) => [l.slice(66).trim(), l.slice(0, 64)] as const),
      );
      for (const [file, f] of Object.entries(datasetSpec(name).files)) {
        const raw = readFileSync(join(dir, file));
        expect(sums.get(file), `${file} in SHA256SUMS`).toBe(sha256(raw));
        const content = f.gzip ? gunzipSync(raw) : raw;
        expect(sha256(content), file).toBe(f.sha256);
        expect(content.length, file).toBe(f.bytes);
      }
    });
  }

  it('bundles byte-identical copies of the sklearn tables, with their descriptions and licence', () => {
    const bundled = join(bundledDir, 'sklearn');
    for (const file of Object.keys(datasetSpec('sklearn').files)) {
      expect(readFileSync(join(bundled, file)).equals(readFileSync(join(SHARED_DATA, 'sklearn', file))), file).toBe(true);
    }
    const present = readdirSync(bundled);
    for (const extra of ['breast_cancer.rst', 'diabetes.rst', 'debian-copyright.txt', 'NOTICE.md']) expect(present).toContain(extra);
    expect(statSync(join(bundled, 'NOTICE.md')).size).toBeGreaterThan(200);
  });
});
