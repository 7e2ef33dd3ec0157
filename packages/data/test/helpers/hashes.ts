import { createHash } from 'node:crypto';

/** sha256 of a typed array's bytes (little-endian, as numpy's '<i4' / '<f8' tobytes()). */
export function sha256Of(a: ArrayBufferView | string): string {
  const bytes = typeof a === 'string' ? Buffer.from(a, 'utf8') : Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return createHash('sha256').update(bytes).digest('hex');
}
