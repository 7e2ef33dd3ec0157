import { describe, expect, it } from 'vitest';
import { expectClose, ORACLE, runOnCpu } from './helpers.js';

describe('Ch06 on cpu float64', () => {
  it.each(['ch06.single_layer', 'ch06.dual_layer', 'ch06.random_init', 'ch06.minibatch32', 'ch06.minibatch128'])(
    '%s: 0.978021978021978, with numpy\'s final losses',
    async (id) => {
      const r = await runOnCpu(id);
      expect(r.value).toBe(0.978021978021978);
      expect(r.match).toBe('exact');
      // BLAS sums in another order than a plain loop; the losses still agree to ~1e-14.
      expectClose(r.history.loss.at(-1)!, ORACLE.ch06[id].loss, 1e-9);
      expectClose(r.history.val_loss!.at(-1)!, ORACLE.ch06[id].val_loss, 1e-9);
    },
  );

  it('the MLPClassifier equivalent stops where sklearn does, with sklearn\'s loss', async () => {
    const r = await runOnCpu('ch06.mlp_classifier');
    const sk = ORACLE.sklearn['ch06.mlp_classifier'];
    expect(r.value).toBe(sk.score);
    expect(r.extras!.n_iter).toBe(sk.n_iter);
    expectClose(r.history.loss.at(-1)!, sk.loss, 1e-9);
    expect(r.match).toBe('in band');
  });
});
