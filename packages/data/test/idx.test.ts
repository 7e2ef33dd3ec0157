import { describe, expect, it } from 'vitest';
import { DataFormatError, IdxDecoder } from '../src/index.js';

/** An IDX ubyte file: magic 00 00 08 ndim, big-endian dims, then the bytes. */
function idx(dims: number[], values: number[]): Buffer {
  const head = Buffer.alloc(4 + 4 * dims.length);
  head.writeUInt8(0x08, 2);
  head.writeUInt8(dims.length, 3);
  dims.forEach((d, i) => head.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([head, Buffer.from(values)]);
}

function decodeInChunks<D extends 'uint8' | 'float32' | 'float64'>(file: Buffer, shape: number[], dtype: D, chunk: number) {
  const dec = new IdxDecoder('test.idx', shape, dtype);
  for (let off = 0; off < file.length; off += chunk) dec.push(file.subarray(off, off + chunk));
  return dec.finish();
}

describe('IdxDecoder', () => {
  const values = [0, 1, 127, 128, 254, 255];
  const file = idx([2, 3], values);

  it('decodes whatever the chunking, header split included', () => {
    for (const chunk of [1, 3, 5, 9, 1000]) {
      const a = decodeInChunks(file, [2, 3], 'uint8', chunk);
      expect(a.shape).toEqual([2, 3]);
      expect(a.data).toBeInstanceOf(Uint8Array);
      expect(Array.from(a.data)).toEqual(values);
    }
  });

  it('scales to [0, 1] for float dtypes: value / 255, rounded once to float32', () => {
    const f32 = decodeInChunks(file, [2, 3], 'float32', 4);
    expect(f32.data).toBeInstanceOf(Float32Array);
    expect(Array.from(f32.data)).toEqual(values.map((v) => Math.fround(v / 255)));
    const f64 = decodeInChunks(file, [2, 3], 'float64', 4);
    expect(Array.from(f64.data)).toEqual([0, 1 / 255, 127 / 255, 128 / 255, 254 / 255, 1]);
  });

  it('rejects a wrong magic, an unexpected shape, and data that is short or long', () => {
    const badMagic = Buffer.from(file);
    badMagic[2] = 0x0d;
    expect(() => decodeInChunks(badMagic, [2, 3], 'uint8', 100)).toThrow(/test\.idx: not an unsigned-byte IDX file \(magic 00000d02/);
    expect(() => decodeInChunks(file, [3, 2], 'uint8', 100)).toThrow(/IDX shape \[2,3\] is not the expected \[3,2\]/);
    expect(() => decodeInChunks(file.subarray(0, file.length - 1), [2, 3], 'uint8', 100)).toThrow(/ended early \(got 5 values, expected 6 values\)/);
    expect(() => decodeInChunks(Buffer.concat([file, Buffer.from([7])]), [2, 3], 'uint8', 100)).toThrow(DataFormatError);
    expect(() => decodeInChunks(file.subarray(0, 6), [2, 3], 'uint8', 100)).toThrow(/expected a complete header/);
  });
});
