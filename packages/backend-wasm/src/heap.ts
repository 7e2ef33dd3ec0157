import { BackendError } from '@dlts/core';

const PAGE = 65536;
/** Block alignment and granularity: a cache line (and a multiple of the 16-byte SIMD width). */
export const ALIGN = 64;

/**
 * The allocator over the backend's WebAssembly memory. Bookkeeping lives in JavaScript (the wasm
 * side never allocates): free blocks are kept sorted by address and coalesced with their
 * neighbours on release; allocation takes the smallest free block that fits (best fit) and grows
 * the memory when none does, by at least a quarter of its size so growth stays rare.
 *
 * Growing replaces the memory's ArrayBuffer, which detaches nothing for shared memory but leaves
 * older views too short: the typed-array views here are re-created after every growth, so callers
 * must read `heap.f32` (etc.) after their last allocation, never keep a view across one.
 */
export class Heap {
  /** Free blocks: starts ascending, parallel to sizes. */
  private readonly starts: number[] = [];
  private readonly sizes: number[] = [];
  private readonly used = new Map<number, number>();
  private usedBytes = 0;
  private buffer!: ArrayBufferLike;
  f32!: Float32Array;
  i32!: Int32Array;
  u32!: Uint32Array;

  constructor(private readonly memory: WebAssembly.Memory, base: number, private readonly maxBytes: number) {
    this.refreshViews();
    const start = Math.ceil(base / ALIGN) * ALIGN;
    const end = this.buffer.byteLength;
    if (end > start) this.insertFree(start, end - start);
  }

  /** Bytes of the memory (free and used). */
  get capacity(): number {
    return this.buffer.byteLength;
  }

  /** Bytes in live blocks (rounded up to ALIGN each). */
  get allocated(): number {
    return this.usedBytes;
  }

  /** Live blocks. */
  get blocks(): number {
    return this.used.size;
  }

  /** A block of at least `bytes` (contents undefined), 64-byte aligned. */
  alloc(bytes: number): number {
    const size = Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
    let i = this.bestFit(size);
    if (i < 0) {
      this.grow(size);
      i = this.bestFit(size);
    }
    const ptr = this.starts[i]!;
    const rest = this.sizes[i]! - size;
    if (rest > 0) {
      this.starts[i] = ptr + size;
      this.sizes[i] = rest;
    } else {
      this.starts.splice(i, 1);
      this.sizes.splice(i, 1);
    }
    this.used.set(ptr, size);
    this.usedBytes += size;
    return ptr;
  }

  /** Returns a block from alloc() to the free list. */
  release(ptr: number): void {
    const size = this.used.get(ptr);
    if (size === undefined) throw new BackendError(`wasm backend: release of address ${ptr}, which is not an allocated block`);
    this.used.delete(ptr);
    this.usedBytes -= size;
    this.insertFree(ptr, size);
  }

  private bestFit(size: number): number {
    let best = -1;
    for (let i = 0; i < this.sizes.length; i++) {
      const s = this.sizes[i]!;
      if (s >= size && (best < 0 || s < this.sizes[best]!)) {
        best = i;
        if (s === size) break;
      }
    }
    return best;
  }

  /** Adds [start, start+size) to the free list, merged with an adjacent free block on either side. */
  private insertFree(start: number, size: number): void {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    const prev = lo - 1;
    if (prev >= 0 && this.starts[prev]! + this.sizes[prev]! === start) {
      this.sizes[prev]! += size;
      if (lo < this.starts.length && start + size === this.starts[lo]) {
        this.sizes[prev]! += this.sizes[lo]!;
        this.starts.splice(lo, 1);
        this.sizes.splice(lo, 1);
      }
      return;
    }
    if (lo < this.starts.length && start + size === this.starts[lo]) {
      this.starts[lo] = start;
      this.sizes[lo]! += size;
      return;
    }
    this.starts.splice(lo, 0, start);
    this.sizes.splice(lo, 0, size);
  }

  /** Grows the memory so that a block of `size` fits at its end. */
  private grow(size: number): void {
    const end = this.buffer.byteLength;
    const last = this.starts.length - 1;
    const tailFree = last >= 0 && this.starts[last]! + this.sizes[last]! === end ? this.sizes[last]! : 0;
    const needed = Math.ceil((size - tailFree) / PAGE);
    const maxPages = this.maxBytes / PAGE;
    const current = end / PAGE;
    const pages = Math.min(Math.max(needed, Math.ceil(current / 4)), maxPages - current);
    if (pages < needed) {
      throw new BackendError(
        `wasm backend: out of memory: ${size} more bytes needed with ${this.usedBytes} of ${end} in use ` +
          `and the memory at its maximum of ${this.maxBytes / 2 ** 20} MiB (option maxMemoryMiB)`,
      );
    }
    this.memory.grow(pages);
    this.refreshViews();
    this.insertFree(end, pages * PAGE);
  }

  private refreshViews(): void {
    this.buffer = this.memory.buffer;
    this.f32 = new Float32Array(this.buffer);
    this.i32 = new Int32Array(this.buffer);
    this.u32 = new Uint32Array(this.buffer);
  }
}
