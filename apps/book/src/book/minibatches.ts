import { add, dispose, gather, scalar, tensor, tidy, type RandomState, type Tensor } from 'dlts';
import { swap } from './swap.js';

/**
 * The book's `gen_batch`: one `np.random.permutation(n)` per epoch, cut every `batchSize` rows;
 * the last partial batch is kept (`bins += 1` when n % batch_size).
 */
export function* genBatch(np: RandomState, n: number, batchSize: number): Generator<Int32Array> {
  const indexes = np.permutation(n);
  for (let start = 0; start < n; start += batchSize) yield indexes.subarray(start, start + batchSize);
}

/**
 * One epoch over the batches of gen_batch: the batch rows are gathered on the device (numpy's
 * `x[indexes][start:end]`) and `step` trains on them and returns the batch's summed loss; the
 * epoch's summed loss is returned. `step` is not run inside a tidy, because it swaps in new
 * weights that an enclosing scope would free.
 */
export function trainEpoch(np: RandomState, x: Tensor, y: Tensor, batchSize: number, step: (xBatch: Tensor, yBatch: Tensor) => Tensor): Tensor {
  let loss = scalar(0, x.dtype);
  for (const batch of genBatch(np, x.shape[0]!, batchSize)) {
    const idx = tensor(batch, [batch.length], 'int32');
    const xBatch = gather(x, idx);
    const yBatch = gather(y, idx);
    const batchLoss = step(xBatch, yBatch);
    dispose([idx, xBatch, yBatch]);
    loss = swap(loss, tidy(() => add(loss, batchLoss)));
    batchLoss.dispose();
  }
  return loss;
}
