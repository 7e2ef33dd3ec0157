import { DTypeError } from '@dlts/core';
import type { DataArray } from './data_array.js';
import type { DataOptions } from './data_options.js';
import { streamContent } from './content.js';
import { IdxDecoder, type IdxDType, type IdxStorage } from './idx.js';
import { locateFile } from './locate.js';
import { fileSpec } from './manifest.js';

export const FASHION_MNIST_CLASSES = Object.freeze([
  'T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot',
]);

export interface FashionMnistOptions<D extends IdxDType> extends DataOptions {
  /** 'uint8' (default): pixels as stored, 0-255. 'float32' / 'float64': pixel / 255, as the book does. */
  readonly dtype?: D;
}

export interface FashionMnist<D extends IdxDType> {
  /** [60000, 28, 28] */
  readonly xTrain: DataArray<IdxStorage<D>>;
  /** [60000], classes 0-9 */
  readonly yTrain: DataArray<Uint8Array>;
  /** [10000, 28, 28] */
  readonly xTest: DataArray<IdxStorage<D>>;
  /** [10000] */
  readonly yTest: DataArray<Uint8Array>;
  readonly classNames: readonly string[];
}

async function loadIdx<D extends IdxDType>(file: string, shape: number[], dtype: D, options: DataOptions): Promise<DataArray<IdxStorage<D>>> {
  const { path } = await locateFile('fashion-mnist', file, options);
  const decoder = new IdxDecoder(path, shape, dtype);
  await streamContent(path, fileSpec('fashion-mnist', file), (chunk) => decoder.push(chunk));
  return decoder.finish();
}

/**
 * Fashion-MNIST (Zalando; MIT), as keras.datasets.fashion_mnist.load_data() returns it: 60,000
 * training and 10,000 test images of 28 x 28 pixels with labels 0-9. The gzip IDX files are decoded
 * as they stream in, straight into one array of the requested dtype, and verified by sha256.
 */
export async function loadFashionMnist<D extends IdxDType = 'uint8'>(options: FashionMnistOptions<D> = {}): Promise<FashionMnist<D>> {
  const dtype = (options.dtype ?? 'uint8') as D;
  if (!['uint8', 'float32', 'float64'].includes(dtype)) {
    throw new DTypeError(`loadFashionMnist: dtype must be 'uint8', 'float32' or 'float64', got '${String(dtype)}'`);
  }
  const xTrain = await loadIdx('train-images-idx3-ubyte.gz', [60000, 28, 28], dtype, options);
  const yTrain = await loadIdx('train-labels-idx1-ubyte.gz', [60000], 'uint8', options);
  const xTest = await loadIdx('t10k-images-idx3-ubyte.gz', [10000, 28, 28], dtype, options);
  const yTest = await loadIdx('t10k-labels-idx1-ubyte.gz', [10000], 'uint8', options);
  return { xTrain, yTrain, xTest, yTest, classNames: FASHION_MNIST_CLASSES };
}
