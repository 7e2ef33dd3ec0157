import type { DType } from '../backend/contract.js';
import { variable } from '../autograd.js';
import { DltsError, ShapeError } from '../errors.js';
import { initialize, type Initializer } from '../initializers.js';
import { penalty, type Regularizer } from '../regularizers.js';
import { add } from '../ops/binary.js';
import type { Tensor, Variable } from '../tensor.js';

/** A shape with the batch axis (and other unknown axes) as null, as Keras prints it. */
export type Shape = (number | null)[];

export interface LayerOptions {
  name?: string;
  /** Shape of one sample (no batch axis); given on the first layer of a Sequential. */
  inputShape?: readonly number[];
  /** Weight dtype; a Sequential sets it from its own when not given. */
  dtype?: DType;
}

const nameCounts = new Map<string, number>();

/** Keras's unique names: dense, dense_1, dense_2, ... per layer kind, per process. */
export function uniqueName(base: string): string {
  const n = nameCounts.get(base) ?? 0;
  nameCounts.set(base, n + 1);
  return n === 0 ? base : `${base}_${n}`;
}

interface WeightSpec {
  variable: Variable;
  /** Name within the layer, e.g. 'kernel'. */
  name: string;
  regularizer?: Regularizer;
}

/**
 * A layer: weights created in build() from the input shape, the forward computation in call().
 * Gradients come from core's autograd, so a layer only writes its forward pass.
 */
export abstract class Layer {
  readonly name: string;
  /** Keras's class name, for summary(). */
  abstract readonly className: string;
  readonly inputShape?: readonly number[];
  dtype: DType;
  built = false;
  private specs: WeightSpec[] = [];
  private dtypeGiven: boolean;

  constructor(options: LayerOptions, baseName: string) {
    this.name = options.name ?? uniqueName(baseName);
    if (options.inputShape) this.inputShape = [...options.inputShape];
    this.dtype = options.dtype ?? 'float32';
    this.dtypeGiven = options.dtype !== undefined;
  }

  /** Sets the dtype from the model unless the layer was given one. */
  adoptDType(dtype: DType): void {
    if (!this.dtypeGiven && !this.built) this.dtype = dtype;
  }

  /** Creates the weights for inputs of `inputShape` (batch axis included, as null). */
  build(inputShape: Shape): void {
    void inputShape;
    this.built = true;
  }

  abstract computeOutputShape(inputShape: Shape): Shape;

  /** The forward pass; `training` switches dropout-like behaviour. */
  abstract call(x: Tensor, training: boolean): Tensor;

  /** Runs build() on first use with x's shape. */
  apply(x: Tensor, training = false): Tensor {
    if (!this.built) this.build([null, ...x.shape.slice(1)]);
    return this.call(x, training);
  }

  protected addWeight(name: string, shape: readonly number[], init: Initializer, regularizer?: Regularizer, trainable = true): Variable {
    const initial = initialize(init, shape, this.dtype, `${this.name}/${name}`);
    const v = variable(initial, trainable, `${this.name}/${name}`);
    initial.dispose();
    this.specs.push({ variable: v, name, ...(regularizer ? { regularizer } : {}) });
    return v;
  }

  get weights(): Variable[] {
    return this.specs.map((s) => s.variable);
  }

  get trainableWeights(): Variable[] {
    return this.weights.filter((v) => v.trainable);
  }

  countParams(): number {
    return this.weights.reduce((n, v) => n + v.size, 0);
  }

  /** Sum of the weight penalties (null when the layer has none). */
  regularizationLoss(): Tensor | null {
    let total: Tensor | null = null;
    for (const s of this.specs) {
      if (!s.regularizer) continue;
      const p = penalty(s.regularizer, s.variable);
      total = total ? add(total, p) : p;
    }
    return total;
  }

  dispose(): void {
    for (const v of this.weights) v.dispose();
    this.specs = [];
    this.built = false;
  }

  protected requireRank(inputShape: Shape, rank: number, what: string): void {
    if (inputShape.length !== rank) {
      throw new ShapeError(`${this.name} (${this.className}): expects ${what} of rank ${rank}, got shape (${fmt(inputShape)})`);
    }
  }

  protected lastDim(inputShape: Shape): number {
    const d = inputShape[inputShape.length - 1];
    if (d === null || d === undefined) throw new DltsError(`${this.name} (${this.className}): the last input dimension must be known, got (${fmt(inputShape)})`);
    return d;
  }
}

export function fmt(shape: Shape): string {
  return shape.map((d) => (d === null ? 'None' : String(d))).join(', ');
}
