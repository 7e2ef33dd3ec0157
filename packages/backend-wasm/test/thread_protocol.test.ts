import { describe, expect, it } from 'vitest';
import { JOINED, close, join } from '../src/thread_protocol.js';

/** A control block as ThreadPool.run leaves it when it posts job `seq`. */
function posted(seq: number): Int32Array {
  const ctrl = new Int32Array(new SharedArrayBuffer(128));
  Atomics.store(ctrl, JOINED, seq << 8);
  return ctrl;
}

describe('job joining', () => {
  it('counts the workers that join an open job, and close() returns that count', () => {
    const ctrl = posted(5);
    expect(join(ctrl, 5)).toBe(true);
    expect(join(ctrl, 5)).toBe(true);
    expect(close(ctrl)).toBe(2);
  });

  it('a worker that wakes after the close stays out, and is not counted', () => {
    const ctrl = posted(9);
    expect(join(ctrl, 9)).toBe(true);
    expect(close(ctrl)).toBe(1);
    expect(join(ctrl, 9)).toBe(false);
    expect(Atomics.load(ctrl, JOINED) & 0x7f).toBe(1);
  });

  it('a worker holding an older job number cannot join the current job', () => {
    const ctrl = posted(12);
    expect(join(ctrl, 11)).toBe(false);
    expect(close(ctrl)).toBe(0);
  });

  it('job numbers use 24 bits: the largest one still matches', () => {
    const ctrl = posted(0xffffff);
    expect(join(ctrl, 0xffffff)).toBe(true);
    expect(close(ctrl)).toBe(1);
  });
});
