import { DltsError } from '../errors.js';
import type { Tensor } from '../tensor.js';

/** Per-epoch (or per-batch) values: loss, metrics, and their val_ counterparts. */
export type Logs = Record<string, number>;

/** What a callback may touch on the model being trained. */
export interface TrainingModel {
  stopTraining: boolean;
  getWeights(): Tensor[];
  setWeights(weights: readonly Tensor[]): void;
}

/** Hooks into fit(); override the ones you need. */
export abstract class Callback {
  protected model?: TrainingModel;
  setModel(model: TrainingModel): void {
    this.model = model;
  }
  onTrainBegin(_params: { epochs: number; steps: number }): void {}
  onEpochBegin(_epoch: number): void {}
  onBatchEnd(_batch: number, _logs: Logs): void {}
  onEpochEnd(_epoch: number, _logs: Logs): void {}
  onTrainEnd(): void {}
}

export interface EarlyStoppingOptions {
  /** The log entry watched (default 'val_loss'). */
  monitor?: string;
  /** Smallest change that counts as an improvement. */
  minDelta?: number;
  /** Epochs without improvement before stopping. */
  patience?: number;
  /** 'min' for losses, 'max' for accuracies; 'auto' picks max for names containing 'acc'. */
  mode?: 'auto' | 'min' | 'max';
  /** Put back the weights of the best epoch when training stops. */
  restoreBestWeights?: boolean;
}

/** Keras's EarlyStopping: stop when the monitored value has not improved for `patience` epochs. */
export class EarlyStopping extends Callback {
  readonly monitor: string;
  readonly minDelta: number;
  readonly patience: number;
  readonly mode: 'min' | 'max';
  readonly restoreBestWeights: boolean;
  best = Infinity;
  wait = 0;
  stoppedEpoch = -1;
  bestEpoch = -1;
  private bestWeights: Tensor[] | null = null;

  constructor(options: EarlyStoppingOptions = {}) {
    super();
    this.monitor = options.monitor ?? 'val_loss';
    this.minDelta = Math.abs(options.minDelta ?? 0);
    this.patience = options.patience ?? 0;
    const mode = options.mode ?? 'auto';
    this.mode = mode === 'auto' ? (this.monitor.includes('acc') ? 'max' : 'min') : mode;
    this.restoreBestWeights = options.restoreBestWeights ?? false;
  }

  override onTrainBegin(): void {
    this.best = this.mode === 'min' ? Infinity : -Infinity;
    this.wait = 0;
    this.stoppedEpoch = -1;
    this.bestEpoch = -1;
    this.releaseBest();
  }

  override onEpochEnd(epoch: number, logs: Logs): void {
    const value = logs[this.monitor];
    if (value === undefined) {
      throw new DltsError(`EarlyStopping: '${this.monitor}' is not in the epoch logs (available: ${Object.keys(logs).join(', ')})`);
    }
    const improved = this.mode === 'min' ? value < this.best - this.minDelta : value > this.best + this.minDelta;
    if (improved) {
      this.best = value;
      this.bestEpoch = epoch;
      this.wait = 0;
      if (this.restoreBestWeights) {
        this.releaseBest();
        this.bestWeights = this.model!.getWeights();
      }
      return;
    }
    if (++this.wait >= this.patience) {
      this.stoppedEpoch = epoch;
      this.model!.stopTraining = true;
    }
  }

  override onTrainEnd(): void {
    if (this.stoppedEpoch >= 0 && this.restoreBestWeights && this.bestWeights) this.model!.setWeights(this.bestWeights);
    this.releaseBest();
  }

  private releaseBest(): void {
    for (const t of this.bestWeights ?? []) t.dispose();
    this.bestWeights = null;
  }
}
