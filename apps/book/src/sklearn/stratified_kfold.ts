import { DltsError } from 'dlts';

export interface Fold {
  /** Training rows, increasing. */
  readonly train: Int32Array;
  /** Held-out rows, increasing. */
  readonly test: Int32Array;
}

/**
 * scikit-learn's `StratifiedKFold(n_splits)` without shuffling, which `cross_validate(cv=10)` uses
 * for a classifier: classes are numbered in order of first appearance, the sorted labels are dealt
 * round-robin to the folds to decide how many of each class a fold holds, and each class's rows,
 * in order, fill fold 0 first, then fold 1...
 */
export function stratifiedKFold(labels: ArrayLike<number>, nSplits: number): Fold[] {
  const n = labels.length;
  const code = new Map<number, number>();
  const encoded = Int32Array.from({ length: n }, (_, i) => {
    const label = labels[i]!;
    if (!code.has(label)) code.set(label, code.size);
    return code.get(label)!;
  });
  const classes = code.size;
  const counts = new Int32Array(classes);
  for (const c of encoded) counts[c]!++;
  const largest = Math.max(...counts);
  // sklearn refuses only when every class is smaller than the number of folds.
  if (!Number.isInteger(nSplits) || nSplits < 2 || nSplits > largest) {
    throw new DltsError(`stratifiedKFold: nSplits must be an integer in [2, ${largest}] (the largest class has ${largest} members), got ${nSplits}`);
  }
  // allocation[f][c]: how many of class c fold f holds (np.bincount(y_order[f::n_splits])).
  const sorted = Int32Array.from(encoded).sort();
  const allocation = Array.from({ length: nSplits }, () => new Int32Array(classes));
  for (let i = 0; i < n; i++) allocation[i % nSplits]![sorted[i]!]!++;
  const testFold = new Int32Array(n);
  for (let c = 0; c < classes; c++) {
    let fold = 0;
    let used = 0;
    for (let i = 0; i < n; i++) {
      if (encoded[i] !== c) continue;
      while (used === allocation[fold]![c]) {
        fold++;
        used = 0;
      }
      testFold[i] = fold;
      used++;
    }
  }
  return Array.from({ length: nSplits }, (_, f) => {
    const test: number[] = [];
    const train: number[] = [];
    for (let i = 0; i < n; i++) (testFold[i] === f ? test : train).push(i);
    return { train: Int32Array.from(train), test: Int32Array.from(test) };
  });
}
