import { Callback, type Logs } from './callbacks.js';

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
}

const WIDTH = 30;

/** Keras's ETA format: h:mm:ss, m:ss or Ns. */
function fmtDuration(seconds: number): string {
  if (seconds >= 3600) return `${Math.floor(seconds / 3600)}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
  if (seconds >= 60) return `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
  return `${Math.round(seconds)}s`;
}

function fmtPerStep(seconds: number): string {
  return seconds >= 1 ? `${seconds.toFixed(0)}s/step` : seconds >= 1e-3 ? `${(seconds * 1e3).toFixed(0)}ms/step` : `${(seconds * 1e6).toFixed(0)}us/step`;
}

function fmtLogs(logs: Logs): string {
  return Object.entries(logs).map(([k, v]) => ` - ${k}: ${v.toPrecision(4).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')}`).join('');
}

/**
 * Keras's progress line for terminals:
 *   Epoch 3/20
 *   1500/1500 [==============================] - 5s 3ms/step - loss: 0.2541 - accuracy: 0.9086
 * redrawn in place while the epoch runs (at most every 100 ms), finished with the epoch's time.
 * `lines: true` writes just the final line of each epoch (verbose 2, or logs that are not a TTY).
 */
export class ProgressLogger extends Callback {
  private epochs = 0;
  private steps = 0;
  private epochStart = 0;
  private lastDraw = 0;

  constructor(private readonly stream: ProgressStream, private readonly lines = false, private readonly now: () => number = () => performance.now()) {
    super();
  }

  override onTrainBegin({ epochs, steps }: { epochs: number; steps: number }): void {
    this.epochs = epochs;
    this.steps = steps;
  }

  override onEpochBegin(epoch: number): void {
    this.stream.write(`Epoch ${epoch + 1}/${this.epochs}\n`);
    this.epochStart = this.now();
    this.lastDraw = 0;
  }

  /** logs hold the running (sample-weighted) averages of the epoch so far. */
  override onBatchEnd(batch: number, logs: Logs): void {
    if (this.lines) return;
    const t = this.now();
    if (t - this.lastDraw < 100 && batch + 1 < this.steps) return;
    this.lastDraw = t;
    const elapsed = (t - this.epochStart) / 1e3;
    const eta = (elapsed / (batch + 1)) * (this.steps - batch - 1);
    this.stream.write(`\r${this.bar(batch + 1)} - ETA: ${fmtDuration(eta)}${fmtLogs(logs)}\x1b[K`);
  }

  override onEpochEnd(_epoch: number, logs: Logs): void {
    const elapsed = (this.now() - this.epochStart) / 1e3;
    const line = `${this.bar(this.steps)} - ${Math.round(elapsed)}s ${fmtPerStep(elapsed / Math.max(this.steps, 1))}${fmtLogs(logs)}`;
    this.stream.write(this.lines ? `${line}\n` : `\r${line}\x1b[K\n`);
  }

  private bar(current: number): string {
    const width = String(this.steps).length;
    const done = this.steps === 0 ? WIDTH : Math.floor((WIDTH * current) / this.steps);
    const head = current < this.steps ? '>' : '=';
    const body = done > 0 ? `${'='.repeat(done - 1)}${head}` : '';
    return `${String(current).padStart(width)}/${this.steps} [${body}${'.'.repeat(WIDTH - body.length)}]`;
  }
}
