import { DltsError } from '@dlts/core';
import { dataArray, type DataArray } from './data_array.js';

export interface PadOptions {
  /** Row length; default the longest sequence. */
  readonly maxlen?: number;
  /** Where padding goes: 'pre' (default, Keras's) or 'post'. */
  readonly padding?: 'pre' | 'post';
  /** Which end of a long sequence is cut: 'pre' (default: keep the last maxlen ids) or 'post'. */
  readonly truncating?: 'pre' | 'post';
  /** The padding value. Default 0. */
  readonly value?: number;
  /** Default 'int32' (Keras's). */
  readonly dtype?: 'int32' | 'float32';
}

/** Keras's pad_sequences: a list of sequences -> one [n, maxlen] array, padded and truncated. */
export function padSequences(sequences: readonly ArrayLike<number>[], options: PadOptions = {}): DataArray<Int32Array | Float32Array> {
  const { padding = 'pre', truncating = 'pre', value = 0, dtype = 'int32' } = options;
  if (padding !== 'pre' && padding !== 'post') throw new DltsError(`padSequences: padding must be 'pre' or 'post', got '${String(padding)}'`);
  if (truncating !== 'pre' && truncating !== 'post') throw new DltsError(`padSequences: truncating must be 'pre' or 'post', got '${String(truncating)}'`);
  if (dtype !== 'int32' && dtype !== 'float32') throw new DltsError(`padSequences: dtype must be 'int32' or 'float32', got '${String(dtype)}'`);
  if (dtype === 'int32' && !Number.isInteger(value)) throw new DltsError(`padSequences: value ${value} is not an integer; use dtype: 'float32'`);
  const maxlen = options.maxlen ?? sequences.reduce((m, s) => Math.max(m, s.length), 0);
  if (!Number.isInteger(maxlen) || maxlen < 0) throw new DltsError(`padSequences: maxlen must be a non-negative integer, got ${maxlen}`);
  const out = dtype === 'int32' ? new Int32Array(sequences.length * maxlen) : new Float32Array(sequences.length * maxlen);
  out.fill(value);
  sequences.forEach((seq, i) => {
    const len = Math.min(seq.length, maxlen);
    const from = truncating === 'pre' ? seq.length - len : 0;
    const to = i * maxlen + (padding === 'pre' ? maxlen - len : 0);
    for (let k = 0; k < len; k++) out[to + k] = seq[from + k]!;
  });
  return dataArray(out, [sequences.length, maxlen]);
}

