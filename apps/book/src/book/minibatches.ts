import { add, dispose, DltsError, takeSamples, tidy, type RandomState, type Samples, type Tensor } from 'dlts';
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
 * One epoch over the batches of gen_batch: the batch rows are taken (numpy's `x[indexes][start:end]`:
 * gathered on the device from a tensor, copied on the host from a host array and uploaded) and
 * `step` trains on them and returns the batch's summed loss; the epoch's summed loss is returned.
 * `step` is not run inside a tidy, because it swaps in new weights that an enclosing scope would free.
 */
export function trainEpoch(np: RandomState, x: Samples, y: Samples, batchSize: number, step: (xBatch: Tensor, yBatch: Tensor) => Tensor): Tensor {
  let loss: Tensor | undefined;
  for (const batch of genBatch(np, x.shape[0]!, batchSize)) {
    const [xBatch, yBatch] = takeSamples([x, y], batch) as [Tensor, Tensor];
    const batchLoss = step(xBatch, yBatch);
    dispose([xBatch, yBatch]);
    if (!loss) {
      loss = batchLoss;
      continue;
    }
    const sum = loss;
    loss = swap(sum, tidy(() => add(sum, batchLoss)));
    batchLoss.dispose();
  }
  if (!loss) throw new DltsError('trainEpoch: no samples');
  return loss;
}
