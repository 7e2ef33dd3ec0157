import { describe, expect, it } from 'vitest';
import { expectClose, ORACLE, runOnCpu } from './helpers.js';

// Book values are the ones BOOK.md quotes from the notebooks' printed output.
describe('Ch03 on cpu float64 (legacy diabetes table)', () => {
  it('Neuron reproduces the printed weights to 1e-9 relative', async () => {
    const r = await runOnCpu('ch03.neuron');
    expect(r.match).toBe('exact');
    expectClose(r.weights!.w as number, 913.5973364345905, 1e-9);
    expectClose(r.weights!.b as number, 123.39414383177204, 1e-9);
    expectClose(r.extras!.y_hat0!, 1.0616962065186886, 1e-9);
    expectClose(r.extras!.w_epoch1!, 587.8654539985689, 1e-9);
    expectClose(r.extras!.b_epoch1!, 99.40935564531424, 1e-9);
    expectClose(r.extras!.prediction_at_0_18!, 287.8416643899983, 1e-9);
  });
});

describe('Ch04 on cpu float64', () => {
  it('LogisticNeuron: 0.8245614035087719', async () => {
    expect((await runOnCpu('ch04.logistic_neuron')).value).toBe(0.8245614035087719);
  });

  it('SingleLayer: 0.9298245614035088, and numpy\'s loss per epoch', async () => {
    const r = await runOnCpu('ch04.single_layer');
    expect(r.value).toBe(0.9298245614035088);
    expectClose(r.history.loss, ORACLE.ch04.single_layer_losses, 1e-9);
  });
});

describe('Ch05 on cpu float64', () => {
  it.each([
    ['ch05.unscaled', 0.9120879120879121],
    ['ch05.scaled', 0.967032967032967],
    ['ch05.val_unscaled', 0.37362637362637363],
    ['ch05.l1', 0.989010989010989],
  ])('%s: %s', async (id, book) => {
    expect((await runOnCpu(id)).value).toBe(book);
  });

  it('layer4: 0.989010989010989 after learning curves whose validation loss bottoms out near epoch 20', async () => {
    const r = await runOnCpu('ch05.layer4');
    expect(r.value).toBe(0.989010989010989);
    expect(r.extras!.val_loss_min_epoch).toBe(ORACLE.ch05.layer3_val_loss_min_epoch);
    expectClose(r.history.loss, ORACLE.ch05.layer3_losses, 1e-9);
    expectClose(r.history.val_loss!, ORACLE.ch05.layer3_val_losses, 1e-9);
  });

  it('l2 = 0.01: 0.989010989010989, 90 of the 91 validation rows', async () => {
    const r = await runOnCpu('ch05.l2');
    expect(r.value).toBe(0.989010989010989);
    expect(r.extras!.correct).toBe(90);
    expect((r.weights!.w as number[]).length).toBe(30);
  });

  it('10-fold cross-validation: 0.9777777777777779, fold by fold as numpy', async () => {
    const r = await runOnCpu('ch05.kfold');
    expect(r.value).toBe(0.9777777777777779);
    expect(Array.from({ length: 10 }, (_, i) => r.extras![`fold${i}`])).toEqual(ORACLE.ch05.kfold_folds);
  });
});
