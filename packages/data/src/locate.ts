import { DltsError } from '@dlts/core';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCacheDir, envVar } from './cache_dir.js';
import type { DataOptions } from './data_options.js';
import { downloadVerified } from './download.js';
import { DataNotFoundError, DownloadError } from './errors.js';
import { buildImdbFromArchive, type BuildContext } from './imdb_archive_build.js';
import { datasetSpec, fileSpec, type DatasetName, type DatasetSpec, type FileSpec } from './manifest.js';
import { stderrProgress, type ProgressCallback } from './progress.js';

/** A file that was found: its path and which place held it. */
export interface LocatedFile {
  readonly path: string;
  readonly place: string;
}

/** One place searched: what it is, and the folder the file would be in (or why it was not searched). */
export interface SearchPlace {
  readonly label: string;
  readonly dir: string | { readonly why: string };
}

/** Builders make files that have no download of their own from an archive (see FileSpec.build). */
const builders: Readonly<Record<string, (ctx: BuildContext) => Promise<void>>> = { aclImdb: buildImdbFromArchive };

/** The folder of copies that ship inside this package (from src/ and dist/ alike). */
export const bundledDir = fileURLToPath(new URL('../data/', import.meta.url));

/** The places searched for a data set's files, in order (see the package README). */
export function searchPlaces(dataset: DatasetName, options: DataOptions = {}): SearchPlace[] {
  const spec = datasetSpec(dataset);
  const envDir = envVar('DLTS_DATA_DIR');
  const places: SearchPlace[] = [
    { label: 'dataDir option', dir: options.dataDir ? join(options.dataDir, dataset) : { why: 'not given' } },
    { label: 'DLTS_DATA_DIR', dir: envDir ? join(envDir, dataset) : { why: 'not set' } },
    { label: 'cache', dir: join(cacheRoot(options), dataset) },
  ];
  if (spec.bundled) places.push({ label: 'bundled with @dlts/data', dir: join(bundledDir, dataset) });
  for (const dir of options.systemDirs ?? spec.systemDirs) places.push({ label: 'system folder', dir });
  return places;
}

function cacheRoot(options: DataOptions): string {
  return options.cacheDir ?? defaultCacheDir();
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function progressOf(options: DataOptions): ProgressCallback | undefined {
  if (options.progress === false) return undefined;
  return typeof options.progress === 'function' ? options.progress : stderrProgress();
}

function howToSupply(dataset: DatasetName, file: string, spec: DatasetSpec, cacheFile: string): string {
  const ways = [
    `point DLTS_DATA_DIR (or the dataDir option) at a folder holding ${dataset}/${file}`,
    `put the file at ${cacheFile}`,
  ];
  if (spec.systemPackage) ways.push(spec.systemPackage);
  ways.push('go online so it can be downloaded from its canonical source (or set DLTS_DATA_URL to a mirror of the data-dir layout)');
  return `To supply it: ${ways.join('; or ')}.`;
}

/** Downloads or builds a missing file into the cache; returns its path. */
async function acquire(dataset: DatasetName, file: string, fspec: FileSpec, cacheFile: string, options: DataOptions, tried: string[]): Promise<string | undefined> {
  const progress = progressOf(options);
  const baseUrl = options.baseUrl ?? envVar('DLTS_DATA_URL');
  const attempt = async (what: string, run: () => Promise<void>): Promise<boolean> => {
    try {
      await run();
      return true;
    } catch (err) {
      if (err instanceof DownloadError) tried.push(`download ${err.message}`);
      else if (err instanceof DataNotFoundError) tried.push(`${what}: ${err.message.split('\n')[0]}`, ...err.tried.map((t) => `  ${t}`));
      else throw err;
      return false;
    }
  };
  if (baseUrl) {
    const url = `${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(dataset)}/${encodeURIComponent(file)}`;
    return (await attempt(url, () => downloadVerified(url, cacheFile, fspec, progress))) ? cacheFile : undefined;
  }
  for (const url of fspec.urls) {
    if (await attempt(url, () => downloadVerified(url, cacheFile, fspec, progress))) return cacheFile;
  }
  if (fspec.build) {
    const build = builders[fspec.build];
    if (!build) throw new DltsError(`locateFile: the manifest names an unknown builder '${fspec.build}' for ${dataset}/${file}`);
    const ctx: BuildContext = {
      dir: join(cacheRoot(options), dataset),
      spec: datasetSpec(dataset),
      locate: async (other) => (await locateFile(dataset, other, options)).path,
      progress,
    };
    if (await attempt(`building ${file} from ${Object.keys(ctx.spec.archives ?? {}).join(', ')}`, () => build(ctx))) return cacheFile;
  } else if (fspec.urls.length === 0) {
    tried.push(`download: ${dataset}/${file} has no download source (${fspec.origin ?? 'see datasets/manifest.json'})`);
  }
  return undefined;
}

/**
 * Finds a data file: the dataDir option, DLTS_DATA_DIR, the cache, the copy bundled with this
 * package (small tables only), system folders, then a download (or build) into the cache. When all
 * fail, throws one DataNotFoundError listing every place and attempt, and how to supply the file.
 * The file's content is verified when it is read, not here.
 */
export async function locateFile(dataset: DatasetName, file: string, options: DataOptions = {}): Promise<LocatedFile> {
  const fspec = fileSpec(dataset, file);
  const spec = datasetSpec(dataset);
  const tried: string[] = [];
  for (const place of searchPlaces(dataset, options)) {
    if (typeof place.dir !== 'string') {
      tried.push(`${place.label}: ${place.dir.why}`);
      continue;
    }
    const path = join(place.dir, file);
    if (await exists(path)) return { path, place: place.label };
    tried.push(`${place.label}: no ${path}`);
  }
  const cacheFile = join(cacheRoot(options), dataset, file);
  if (options.download === false) {
    tried.push('download: disabled by the download: false option');
  } else {
    const path = await acquire(dataset, file, fspec, cacheFile, options, tried);
    if (path) return { path, place: 'downloaded into the cache' };
  }
  throw new DataNotFoundError(
    `@dlts/data: ${dataset}/${file} was not found. Tried, in order:\n${tried.map((t) => (t.startsWith(' ') ? `    - ${t.trim()}` : `  - ${t}`)).join('\n')}\n` +
      howToSupply(dataset, file, spec, cacheFile),
    tried,
  );
}
