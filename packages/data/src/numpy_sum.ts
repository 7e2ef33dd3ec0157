/**
 * numpy's pairwise summation of a contiguous float64 vector (np.sum / np.mean over it): plain
 * below 8 values, 8 interleaved accumulators up to 128, recursive halves above. Summing in this
 * order reproduces numpy's last bits, e.g. the book's mean of ten fold scores.
 */
export function numpySum(values: ArrayLike<number>, start = 0, n = values.length - start): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += values[start + i]!;
    return res;
  }
  if (n <= 128) {
    const r = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => values[start + j]!);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j]! += values[start + i + j]!;
    let res = ((r[0]! + r[1]!) + (r[2]! + r[3]!)) + ((r[4]! + r[5]!) + (r[6]! + r[7]!));
    for (; i < n; i++) res += values[start + i]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return numpySum(values, start, n2) + numpySum(values, start + n2, n - n2);
}

/** np.mean of a float64 vector. */
export function numpyMean(values: ArrayLike<number>): number {
  return numpySum(values) / values.length;
}
