import { BackendError } from '@dlts/core';
import { describe, expect, it } from 'vitest';
import { ALIGN, Heap } from '../src/heap.js';

const PAGE = 65536;
const sharedMemory = (pages: number, maxPages: number) => new WebAssembly.Memory({ initial: pages, maximum: maxPages, shared: true });

describe('Heap', () => {
  it('hands out aligned, disjoint blocks and reuses a released one', () => {
    const heap = new Heap(sharedMemory(1, 4), 100, 4 * PAGE);
    const a = heap.alloc(10);
    const b = heap.alloc(ALIGN + 1);
    expect(a % ALIGN).toBe(0);
    expect(b % ALIGN).toBe(0);
    expect(a).toBeGreaterThanOrEqual(100);
    expect(b).toBeGreaterThanOrEqual(a + ALIGN);
    expect(heap.allocated).toBe(3 * ALIGN);
    heap.release(a);
    expect(heap.alloc(ALIGN)).toBe(a);
  });

  it('coalesces a released block with free neighbours on both sides', () => {
    const heap = new Heap(sharedMemory(1, 4), 0, 4 * PAGE);
    const a = heap.alloc(ALIGN);
    const b = heap.alloc(ALIGN);
    const c = heap.alloc(ALIGN);
    const guard = heap.alloc(ALIGN);
    heap.release(a);
    heap.release(c);
    heap.release(b);
    // a, b and c merged into one block of three: a request of that size lands at a, not after guard.
    expect(heap.alloc(3 * ALIGN)).toBe(a);
    expect(guard).toBe(a + 3 * ALIGN);
  });

  it('takes the smallest free block that fits (best fit)', () => {
    const heap = new Heap(sharedMemory(1, 4), 0, 4 * PAGE);
    const big = heap.alloc(4 * ALIGN);
    heap.alloc(ALIGN);
    const small = heap.alloc(2 * ALIGN);
    heap.alloc(ALIGN);
    heap.release(big);
    heap.release(small);
    expect(heap.alloc(2 * ALIGN)).toBe(small);
  });

  it('grows the memory when nothing fits, keeping contents and refreshing its views', () => {
    const memory = sharedMemory(1, 64);
    const heap = new Heap(memory, 0, 64 * PAGE);
    const a = heap.alloc(1000 * 4);
    heap.f32.set([1.5, -2.5, 3.25], a >>> 2);
    const before = heap.f32;
    const big = heap.alloc(3 * PAGE);
    expect(memory.buffer.byteLength).toBeGreaterThanOrEqual(4 * PAGE);
    expect(heap.capacity).toBe(memory.buffer.byteLength);
    // The old view stops at the old size; the heap's current view covers the new block.
    expect(before.length).toBe(PAGE / 4);
    expect(heap.f32.length).toBe(memory.buffer.byteLength / 4);
    heap.f32[(big >>> 2) + 3 * PAGE / 4 - 1] = 7;
    expect(Array.from(heap.f32.subarray(a >>> 2, (a >>> 2) + 3))).toEqual([1.5, -2.5, 3.25]);
  });

  it('reports running out at the maximum with the sizes involved', () => {
    const heap = new Heap(sharedMemory(1, 2), 0, 2 * PAGE);
    heap.alloc(PAGE);
    let error: unknown;
    try {
      heap.alloc(2 * PAGE);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BackendError);
    expect((error as Error).message).toMatch(/out of memory: 131072 more bytes needed .* maximum of 0\.125 MiB \(option maxMemoryMiB\)/);
  });

  it('refuses to release an address it did not hand out, or twice', () => {
    const heap = new Heap(sharedMemory(1, 2), 0, 2 * PAGE);
    const a = heap.alloc(8);
    expect(() => heap.release(a + 4)).toThrow(/release of address .* not an allocated block/);
    heap.release(a);
    expect(() => heap.release(a)).toThrow(BackendError);
  });
});
