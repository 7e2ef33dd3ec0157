/** Keeps the ids for which `keep` is true, per sequence (the book's `[w for w in x if w > 2]`). */
export function filterSequences(sequences: readonly ArrayLike<number>[], keep: (id: number) => boolean): Int32Array[] {
  return sequences.map((s) => Int32Array.from(s).filter(keep));
}
