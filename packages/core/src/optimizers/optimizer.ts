import { variable } from '../autograd.js';
import { tidy } from '../engine.js';
import { fillLike } from '../ops/creation.js';
import type { Tensor, Variable } from '../tensor.js';

/**
 * Keras-shaped optimizer: per-variable state (slots) created on first update, one update rule per
 * subclass written with ops, so it runs on every backend.
 */
export abstract class Optimizer {
  learningRate: number;
  /** Number of applyGradients calls so far. */
  iterations = 0;
  private slots = new Map<Variable, Variable[]>();

  constructor(learningRate: number) {
    this.learningRate = learningRate;
  }

  /** Names of the state tensors kept per variable (e.g. ['m', 'v'] for Adam). */
  protected abstract readonly slotNames: readonly string[];

  /** Initial value of a slot (zeros unless the rule says otherwise). */
  protected slotInit(_name: string): number {
    return 0;
  }

  /** Returns the new value of `w` and the new slot values, in slotNames order. */
  protected abstract update(w: Tensor, g: Tensor, slots: readonly Tensor[], step: number): { w: Tensor; slots: Tensor[] };

  applyGradients(grads: ReadonlyMap<Variable, Tensor>): void {
    const step = ++this.iterations;
    tidy(() => {
      for (const [v, g] of grads) {
        const slots = this.slotsFor(v);
        const next = this.update(v, g, slots, step);
        v.assign(next.w);
        slots.forEach((s, i) => s.assign(next.slots[i]!));
      }
    });
  }

  private slotsFor(v: Variable): Variable[] {
    let s = this.slots.get(v);
    if (!s) {
      s = this.slotNames.map((name) => {
        const init = fillLike(v, this.slotInit(name));
        const slot = variable(init, false, `${v.name}/${name}`);
        init.dispose();
        return slot;
      });
      this.slots.set(v, s);
    }
    return s;
  }

  /** Every state tensor, for counting and saving. */
  get weights(): Variable[] {
    return [...this.slots.values()].flat();
  }

  dispose(): void {
    for (const s of this.weights) s.dispose();
    this.slots.clear();
  }
}
