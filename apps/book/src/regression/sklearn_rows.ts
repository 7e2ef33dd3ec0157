import { data } from 'dlts';
import type { Experiment, RunContext } from '../runner/experiment.js';
import { lineChart } from '../plots/chart.js';
import { Disposer } from '../book/disposer.js';
import { uploadTable } from '../book/device_table.js';
import { fitStandardizer, standardize } from '../book/standardize.js';
import type { Table } from '../book/table.js';
import { SgdClassifier, type SgdClassifierOptions } from '../sklearn/sgd_classifier.js';
import { stratifiedKFold } from '../sklearn/stratified_kfold.js';
import { cancerSplits } from './data.js';

/**
 * The notebooks' scikit-learn rows, as dlts models: `SgdClassifier` is sklearn 1.2's
 * SGDClassifier step for step (random_state=42 as in the notebooks), on tensor ops. The book's
 * value is a band: it was printed from sklearn, not from the book's own code.
 */

async function prepare(): Promise<void> {
  await cancerSplits();
}

/** Fits on `train`, scores on `test`, plots the mean loss per epoch. */
function fitScore(ctx: RunContext, name: string, options: Omit<SgdClassifierOptions, 'randomState'>, train: Table, test: Table) {
  const owner = new Disposer();
  try {
    const tr = uploadTable(train, ctx.dtype, owner);
    const te = uploadTable(test, ctx.dtype, owner);
    const sgd = owner.own(new SgdClassifier(ctx.dtype, { ...options, randomState: 42, ...(ctx.epochs ? { maxIter: ctx.epochs } : {}) }));
    sgd.fit(tr.x, tr.labels);
    ctx.plot(name, lineChart({ title: `SGDClassifier(loss='${options.loss}'): mean loss per epoch, stopped after ${sgd.nIter}`, yTitle: 'loss', series: [{ name: 'train', values: sgd.losses }] }));
    return { value: sgd.score(te.x, te.y), history: { loss: sgd.losses }, extras: { n_iter: sgd.nIter } };
  } finally {
    owner.dispose();
  }
}

function sgdRow(id: string, chapter: number, title: string, metric: string, band: number, run: Experiment['run']): Experiment {
  const n = metric === 'test_accuracy' ? 114 : 91;
  return { id, chapter, title, metric, book: { kind: 'band', low: band, high: band }, tolerance: { abs: 1 / n }, prepare, run };
}

export const ch04SgdLog = sgdRow('ch04.sgd_log', 4, "SGDClassifier(loss='log', max_iter=100, tol=1e-3, random_state=42), unscaled", 'test_accuracy', 0.8333333333333334, async (ctx) => {
  const s = await cancerSplits();
  return fitScore(ctx, 'loss', { loss: 'log', maxIter: 100, tol: 1e-3 }, s.trainAll, s.test);
});

export const ch05SgdLog = sgdRow('ch05.sgd_log', 5, "SGDClassifier(loss='log', random_state=42) on the 455 rows, unscaled", 'test_accuracy', 0.8333333333333334, async (ctx) => {
  const s = await cancerSplits();
  return fitScore(ctx, 'loss', { loss: 'log' }, s.trainAll, s.test);
});

export const ch05SgdHinge = sgdRow('ch05.sgd_hinge', 5, "SGDClassifier(loss='hinge', random_state=42) on the 455 rows, unscaled", 'test_accuracy', 0.9385964912280702, async (ctx) => {
  const s = await cancerSplits();
  return fitScore(ctx, 'loss', { loss: 'hinge' }, s.trainAll, s.test);
});

export const ch05SgdLogVal = sgdRow('ch05.sgd_log_val', 5, "SGDClassifier(loss='log', random_state=42) on 364 rows, scored on the 91 validation rows", 'val_accuracy', 0.6923076923076923, async (ctx) => {
  const s = await cancerSplits();
  return fitScore(ctx, 'loss', { loss: 'log' }, s.train, s.val);
});

export const ch05SgdL2Scaled = sgdRow('ch05.sgd_l2_scaled', 5, "SGDClassifier(loss='log', penalty='l2', alpha=0.001, random_state=42) on standardised rows", 'val_accuracy', 0.978021978021978, async (ctx) => {
  const s = await cancerSplits();
  const st = fitStandardizer(s.train.x);
  return fitScore(ctx, 'loss', { loss: 'log', alpha: 0.001 }, { x: standardize(s.train.x, st), y: s.train.y }, { x: standardize(s.val.x, st), y: s.val.y });
});

/** cross_validate(sgd, x_train_all, y_train_all, cv=10): StratifiedKFold(10), a fresh model per fold. */
function crossValidated(id: string, title: string, band: number, scale: boolean): Experiment {
  return {
    id,
    chapter: 5,
    title,
    metric: 'mean_val_accuracy',
    book: { kind: 'band', low: band, high: band },
    tolerance: { abs: 1 / 45 / 10 },
    prepare,
    async run(ctx) {
      const { trainAll } = await cancerSplits();
      const scores: number[] = [];
      for (const fold of stratifiedKFold(trainAll.y, 10)) {
        const part = (idx: Int32Array): Table => ({ x: data.takeRows(trainAll.x, idx), y: Float64Array.from(idx, (i) => trainAll.y[i]!) });
        let [tr, te] = [part(fold.train), part(fold.test)];
        if (scale) {
          // make_pipeline(StandardScaler(), sgd): sklearn's scaler, fitted on the training folds.
          const scaler = new data.StandardScaler().fit(tr.x);
          tr = { x: scaler.transform(tr.x), y: tr.y };
          te = { x: scaler.transform(te.x), y: te.y };
        }
        const owner = new Disposer();
        try {
          const t = uploadTable(tr, ctx.dtype, owner);
          const v = uploadTable(te, ctx.dtype, owner);
          const sgd = owner.own(new SgdClassifier(ctx.dtype, { loss: 'log', alpha: 0.001, randomState: 42, ...(ctx.epochs ? { maxIter: ctx.epochs } : {}) }));
          sgd.fit(t.x, t.labels);
          scores.push(sgd.score(v.x, v.y));
        } finally {
          owner.dispose();
        }
      }
      return { value: data.numpyMean(scores), history: { loss: [] }, extras: Object.fromEntries(scores.map((s, i) => [`fold${i}`, s])) };
    },
  };
}

export const ch05SgdCvUnscaled = crossValidated('ch05.sgd_cv_unscaled', "cross_validate(SGDClassifier(loss='log', alpha=0.001), cv=10), unscaled", 0.850096618357488, false);
export const ch05SgdCvScaled = crossValidated('ch05.sgd_cv_scaled', 'cross_validate(make_pipeline(StandardScaler(), SGDClassifier(...)), cv=10)', 0.9694202898550724, true);
