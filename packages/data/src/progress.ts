/** One report on a download in flight. */
export interface DownloadProgress {
  readonly url: string;
  /** Where the file will be stored. */
  readonly dest: string;
  readonly received: number;
  /** From Content-Length; undefined when the server did not say. */
  readonly total: number | undefined;
  readonly done: boolean;
}

export type ProgressCallback = (p: DownloadProgress) => void;

/** Downloads above this size get a live percentage on a terminal. */
const LARGE = 1 << 20;

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * The default reporter, on stderr: a line when a download starts and when it ends, and, for large
 * files on a terminal, a percentage redrawn in place (at most every 200 ms).
 */
export function stderrProgress(): ProgressCallback {
  let started = false;
  let lastDraw = 0;
  return (p) => {
    const tty = process.stderr.isTTY === true;
    if (!started) {
      started = true;
      process.stderr.write(`@dlts/data: downloading ${p.url}${p.total === undefined ? '' : ` (${mb(p.total)})`} -> ${p.dest}\n`);
    }
    if (p.done) {
      process.stderr.write(`${tty ? '\r\x1b[K' : ''}@dlts/data: downloaded ${mb(p.received)} -> ${p.dest}\n`);
      return;
    }
    const now = Date.now();
    if (tty && (p.total ?? p.received) >= LARGE && now - lastDraw >= 200) {
      lastDraw = now;
      const pct = p.total ? ` ${((100 * p.received) / p.total).toFixed(0)}%` : '';
      process.stderr.write(`\r\x1b[K  ${mb(p.received)}${p.total ? ` / ${mb(p.total)}` : ''}${pct}`);
    }
  };
}
