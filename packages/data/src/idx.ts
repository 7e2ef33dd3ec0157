import { DataFormatError } from './errors.js';
import { dataArray, type DataArray } from './data_array.js';

/** What an IDX file's unsigned bytes become: themselves, or float pixels scaled to [0, 1] (value / 255). */
export type IdxDType = 'uint8' | 'float32' | 'float64';

export type IdxStorage<D extends IdxDType> = D extends 'uint8' ? Uint8Array : D extends 'float32' ? Float32Array : Float64Array;

const UBYTE = 0x08;

// value / 255 computed in float64 (numpy's `x / 255`), then stored: Float32Array rounds it once.
const SCALED = Float64Array.from({ length: 256 }, (_, v) => v / 255);

/**
 * Decodes an IDX file (LeCun's MNIST format: magic 0x0000 08 ndim, big-endian uint32 dims, then
 * unsigned bytes) fed in chunks of any size, straight into one array of the requested type, so a
 * float load never holds a second copy of the data. Only the ubyte element type is accepted.
 */
export class IdxDecoder<D extends IdxDType> {
  private header = Buffer.alloc(0);
  private out: IdxStorage<D> | undefined;
  private shape: number[] = [];
  private filled = 0;

  constructor(
    private readonly label: string,
    private readonly expectedShape: readonly number[],
    private readonly dtype: D,
  ) {}

  push(chunk: Buffer): void {
    if (!this.out) {
      this.header = Buffer.concat([this.header, chunk]);
      if (this.header.length < 4) return;
      const ndim = this.parseMagic();
      const headerBytes = 4 + 4 * ndim;
      if (this.header.length < headerBytes) return;
      this.shape = Array.from({ length: ndim }, (_, i) => this.header.readUInt32BE(4 + 4 * i));
      if (this.shape.join(',') !== this.expectedShape.join(',')) {
        throw new DataFormatError(`${this.label}: IDX shape [${this.shape}] is not the expected [${this.expectedShape}]`);
      }
      const size = this.shape.reduce((a, b) => a * b, 1);
      this.out = (this.dtype === 'uint8' ? new Uint8Array(size) : this.dtype === 'float32' ? new Float32Array(size) : new Float64Array(size)) as IdxStorage<D>;
      chunk = this.header.subarray(headerBytes);
      this.header = Buffer.alloc(0);
    }
    this.write(chunk);
  }

  /** The decoded array; throws when the file ended early. */
  finish(): DataArray<IdxStorage<D>> {
    if (!this.out || this.filled !== this.out.length) {
      const want = this.out ? `${this.out.length} values` : 'a complete header';
      throw new DataFormatError(`${this.label}: IDX data ended early (got ${this.filled} values, expected ${want})`);
    }
    return dataArray(this.out, this.shape);
  }

  private parseMagic(): number {
    const h = this.header;
    if (h[0] !== 0 || h[1] !== 0 || h[2] !== UBYTE || h[3] === 0) {
      throw new DataFormatError(`${this.label}: not an unsigned-byte IDX file (magic ${h.subarray(0, 4).toString('hex')}, expected 000008nn)`);
    }
    return h[3]!;
  }

  private write(chunk: Buffer): void {
    const out = this.out!;
    if (this.filled + chunk.length > out.length) {
      throw new DataFormatError(`${this.label}: IDX data is longer than its header's shape [${this.shape}] (${out.length} values)`);
    }
    if (out instanceof Uint8Array) out.set(chunk, this.filled);
    else for (let i = 0; i < chunk.length; i++) out[this.filled + i] = SCALED[chunk[i]!]!;
    this.filled += chunk.length;
  }
}
