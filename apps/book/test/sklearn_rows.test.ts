import { describe, expect, it } from 'vitest';
import { ORACLE, runOnCpu } from './helpers.js';

// The notebooks' SGDClassifier runs, as scikit-learn 1.2.1 computes them with random_state=42
// (test/fixtures/make_fixtures.py); BOOK.md's band values are these, rounded.
describe('the sklearn rows of Ch04-Ch05 on cpu float64', () => {
  it.each(['ch04.sgd_log', 'ch05.sgd_log', 'ch05.sgd_hinge', 'ch05.sgd_log_val', 'ch05.sgd_l2_scaled'])('%s', async (id) => {
    const r = await runOnCpu(id);
    expect(r.value).toBe(ORACLE.sklearn[id].score);
    expect(r.extras!.n_iter).toBe(ORACLE.sklearn[id].n_iter);
    expect(r.match).toBe('in band');
  });

  it.each(['ch05.sgd_cv_unscaled', 'ch05.sgd_cv_scaled'])('%s', async (id) => {
    const r = await runOnCpu(id);
    expect(r.value).toBe(ORACLE.sklearn[id].score);
    expect(Array.from({ length: 10 }, (_, i) => r.extras![`fold${i}`])).toEqual(ORACLE.sklearn[id].folds);
  });
});
