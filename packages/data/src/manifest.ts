import { DltsError } from '@dlts/core';
import manifestJson from './manifest.json' with { type: 'json' };

/** One file of a data set, as datasets/manifest.json describes it. */
export interface FileSpec {
  /** sha256 of the content: decompressed for gzip files, so a recompressed copy still matches. */
  readonly sha256: string;
  /** Size of that content in bytes. */
  readonly bytes: number;
  readonly gzip: boolean;
  /** Canonical download sources, tried in order. */
  readonly urls: readonly string[];
  /** Where a file with no download URL comes from. */
  readonly origin?: string;
  /** Name of the builder that makes this file from an archive when it cannot be downloaded as is. */
  readonly build?: string;
}

/** An archive a builder reads; its sha256 is of the archive bytes as published. */
export interface ArchiveSpec {
  readonly sha256: string;
  readonly sha256Of: string;
  readonly urls: readonly string[];
}

export interface DatasetSpec {
  readonly title: string;
  readonly homepage: string;
  readonly licence: string;
  readonly citation: string;
  /** A copy ships inside this package (data/<name>/). */
  readonly bundled: boolean;
  /** Folders where operating-system packages install the files. */
  readonly systemDirs: readonly string[];
  readonly systemPackage?: string;
  readonly files: Readonly<Record<string, FileSpec>>;
  readonly archives?: Readonly<Record<string, ArchiveSpec>>;
}

export type DatasetName = 'sklearn' | 'fashion-mnist' | 'imdb';

export interface Manifest {
  readonly version: number;
  readonly datasets: Readonly<Record<DatasetName, DatasetSpec>>;
}

/** The manifest this package was built with (a copy of the repository's datasets/manifest.json). */
export const manifest: Manifest = manifestJson as Manifest;

export function datasetSpec(name: string): DatasetSpec {
  const spec = (manifest.datasets as Record<string, DatasetSpec>)[name];
  if (!spec) throw new DltsError(`datasetSpec: unknown data set '${name}' (known: ${Object.keys(manifest.datasets).join(', ')})`);
  return spec;
}

export function fileSpec(dataset: string, file: string): FileSpec {
  const spec = datasetSpec(dataset).files[file];
  if (!spec) {
    throw new DltsError(`fileSpec: data set '${dataset}' has no file '${file}' (files: ${Object.keys(datasetSpec(dataset).files).join(', ')})`);
  }
  return spec;
}
