import type { DType, TypedArray } from '../backend/contract.js';
import { arrayConstructor } from '../backend/contract.js';
import { DltsError } from '../errors.js';
import { sizeOf } from '../shape_util.js';

/**
 * The safetensors format (readable by Python's safetensors): an 8-byte little-endian header length,
 * a JSON header {name: {dtype, shape, data_offsets: [begin, end]}, __metadata__?: {...}}, then the
 * raw little-endian bytes.
 */
export interface NamedArray {
  name: string;
  dtype: DType;
  shape: readonly number[];
  data: TypedArray;
}

const CODES: Record<DType, string> = { float32: 'F32', float64: 'F64', int32: 'I32' };
const DTYPES: Record<string, DType> = { F32: 'float32', F64: 'float64', I32: 'int32' };

export function encodeSafetensors(arrays: readonly NamedArray[], metadata: Record<string, string> = {}): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const a of arrays) {
    const bytes = a.data.byteLength;
    header[a.name] = { dtype: CODES[a.dtype], shape: [...a.shape], data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  let json = JSON.stringify(header);
  // Pad with spaces so the data starts 8-byte aligned.
  json += ' '.repeat((8 - ((8 + Buffer.byteLength(json)) % 8)) % 8);
  const headerBytes = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + headerBytes.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);
  let at = 8 + headerBytes.length;
  for (const a of arrays) {
    out.set(new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength), at);
    at += a.data.byteLength;
  }
  return out;
}

/** Parses and validates every entry; `where` (a path) prefixes every error. */
export function decodeSafetensors(bytes: Uint8Array, where: string): { arrays: Map<string, NamedArray>; metadata: Record<string, string> } {
  if (bytes.length < 8) throw new DltsError(`${where}: not a safetensors file (${bytes.length} bytes, truncated?)`);
  const headerLength = Number(new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true));
  if (headerLength > bytes.length - 8) throw new DltsError(`${where}: header of ${headerLength} bytes does not fit the ${bytes.length}-byte file (truncated?)`);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Record<string, unknown>;
  } catch (e) {
    throw new DltsError(`${where}: unreadable safetensors header (${(e as Error).message})`);
  }
  const dataStart = 8 + headerLength;
  const dataLength = bytes.length - dataStart;
  const arrays = new Map<string, NamedArray>();
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const e = entry as { dtype?: string; shape?: number[]; data_offsets?: [number, number] };
    const dtype = e.dtype ? DTYPES[e.dtype] : undefined;
    if (!dtype) throw new DltsError(`${where}: tensor '${name}' has unsupported dtype ${JSON.stringify(e.dtype)} (expected F32, F64 or I32)`);
    const shape = e.shape ?? [];
    const [begin, end] = e.data_offsets ?? [NaN, NaN];
    const Ctor = arrayConstructor(dtype);
    const expected = sizeOf(shape) * Ctor.BYTES_PER_ELEMENT;
    if (!(begin >= 0 && end >= begin && end - begin === expected)) {
      throw new DltsError(`${where}: tensor '${name}' ${dtype} [${shape.join(',')}] needs ${expected} bytes, its offsets are [${begin}, ${end}]`);
    }
    if (end > dataLength) throw new DltsError(`${where}: tensor '${name}' ends at byte ${end} but the file holds ${dataLength} data bytes (truncated?)`);
    // Copy into an aligned buffer (the file's bytes need not be aligned for the element type).
    const data = new Ctor(expected / Ctor.BYTES_PER_ELEMENT);
    new Uint8Array(data.buffer).set(bytes.subarray(dataStart + begin, dataStart + end));
    arrays.set(name, { name, dtype, shape, data });
  }
  return { arrays, metadata: (header['__metadata__'] as Record<string, string> | undefined) ?? {} };
}
