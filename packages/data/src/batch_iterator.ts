import { DltsError, RandomState } from '@dlts/core';
import { dataArray, rowCount, takeRows, type DataArray, type Storage } from './data_array.js';
import { oneHotInto } from './to_categorical.js';

export interface BatchOptions<K extends string> {
  readonly batchSize: number;
  /** A new permutation of the rows each epoch (default true). */
  readonly shuffle?: boolean;
  /** An integer seed, or a RandomState shared with other draws; one permutation is drawn per epoch. */
  readonly seed?: number | RandomState;
  /** Drop the last, partial batch (default false: the book keeps it). */
  readonly dropRemainder?: boolean;
  /** Arrays to one-hot encode per batch, with their number of classes: { x: 100 } turns [b, 100] ids into [b, 100, 100] float32. */
  readonly oneHot?: Partial<Record<K, number>>;
}

export type Batch<K extends string> = Record<K, DataArray> & { readonly indices: Int32Array };

/**
 * Mini-batches over named arrays that share axis 0, with a seeded permutation per epoch (numpy's
 * `np.random.seed(s)` once, then `permutation(n)` each epoch, as the book's networks do). Batches
 * are copies of the selected rows; one-hot encoding happens per batch, so a one-hot view of the
 * whole set (Ch09's 20000 x 100 x 100 float32, 800 MB) is never materialised.
 */
export class BatchIterator<K extends string> {
  readonly size: number;
  private readonly rng: RandomState | undefined;
  private readonly names: K[];

  constructor(
    private readonly arrays: Record<K, DataArray>,
    private readonly options: BatchOptions<K>,
  ) {
    this.names = Object.keys(arrays) as K[];
    if (this.names.length === 0) throw new DltsError('BatchIterator: no arrays given');
    this.size = rowCount(arrays[this.names[0]!]);
    for (const k of this.names) {
      if (rowCount(arrays[k]) !== this.size) throw new DltsError(`BatchIterator: '${k}' has ${rowCount(arrays[k])} rows, '${this.names[0]}' has ${this.size}`);
    }
    const b = options.batchSize;
    if (!Number.isInteger(b) || b < 1) throw new DltsError(`BatchIterator: batchSize must be a positive integer, got ${b}`);
    for (const [k, classes] of Object.entries(options.oneHot ?? {}) as [K, number][]) {
      if (!(k in arrays)) throw new DltsError(`BatchIterator: oneHot names '${k}', which is not one of the arrays (${this.names.join(', ')})`);
      checkIds(k, arrays[k].data, classes);
    }
    if (options.shuffle ?? true) this.rng = options.seed instanceof RandomState ? options.seed : new RandomState(options.seed);
  }

  /** Batches per epoch. */
  get length(): number {
    const full = Math.floor(this.size / this.options.batchSize);
    return this.options.dropRemainder || this.size % this.options.batchSize === 0 ? full : full + 1;
  }

  /** One epoch's batches; each call draws a new permutation when shuffling. */
  *epoch(): Generator<Batch<K>> {
    const order = this.rng ? this.rng.permutation(this.size) : Int32Array.from({ length: this.size }, (_, i) => i);
    const b = this.options.batchSize;
    for (let i = 0; i < this.length; i++) {
      const indices = order.subarray(i * b, Math.min((i + 1) * b, this.size));
      const batch = { indices } as Batch<K>;
      for (const k of this.names) {
        const rows = takeRows(this.arrays[k], indices);
        const classes = this.options.oneHot?.[k];
        (batch as Record<K, DataArray>)[k] = classes === undefined ? rows : oneHot(rows, classes);
      }
      yield batch;
    }
  }
}

function checkIds(name: string, data: Storage, classes: number): void {
  if (!Number.isInteger(classes) || classes < 1) throw new DltsError(`BatchIterator: oneHot.${name} must be a positive number of classes, got ${classes}`);
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (!Number.isInteger(v) || v < 0 || v >= classes) throw new DltsError(`BatchIterator: '${name}' value ${v} at ${i} is not a class id in [0, ${classes})`);
  }
}

function oneHot(rows: DataArray, classes: number): DataArray<Float32Array> {
  return dataArray(oneHotInto(rows.data, classes, new Float32Array(rows.data.length * classes)), [...rows.shape, classes]);
}
