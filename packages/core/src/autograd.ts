import { engine, type TapeNode } from './engine.js';
import { DltsError, ShapeError, fmtShape } from './errors.js';
import { Tensor, Variable } from './tensor.js';
import { add } from './ops/binary.js';
import { onesLike, zerosLike } from './ops/creation.js';

/**
 * Reverse-mode differentiation on a tape. While f runs, every op records how to map its output
 * gradient to its inputs' (gradients are written once, in the ops). Then the nodes between the
 * xs and y are walked backwards. Everything f allocated is freed; only y and the gradients live.
 */
function backprop(f: () => Tensor, xs: readonly Tensor[], dy?: Tensor): { value: Tensor; grads: Tensor[] } {
  for (const x of xs) x.assertLive('grads');
  return engine.tidy(() => {
    engine.startTape();
    let y: Tensor;
    let tape: TapeNode[];
    try {
      y = f();
    } finally {
      tape = engine.endTape();
    }
    if (!(y instanceof Tensor)) throw new DltsError('grads: f must return a Tensor');
    if (dy && (dy.rank !== y.rank || dy.shape.some((d, i) => d !== y.shape[i]))) {
      throw new ShapeError(`grads: dy ${fmtShape(dy.shape)} must have the shape of f's result ${fmtShape(y.shape)}`);
    }
    const grads = engine.withoutRecording(() => accumulate(tape, xs, y, dy));
    return { value: y, grads };
  });
}

function accumulate(tape: readonly TapeNode[], xs: readonly Tensor[], y: Tensor, dy?: Tensor): Tensor[] {
  // Forward pass over the tape: which tensors depend on some x.
  const dependsOnX = new Set<number>(xs.map((x) => x.id));
  const relevant: TapeNode[] = [];
  for (const node of tape) {
    if (node.inputs.some((t) => dependsOnX.has(t.id))) {
      dependsOnX.add(node.output.id);
      relevant.push(node);
    }
  }
  const gradOf = new Map<number, Tensor>();
  gradOf.set(y.id, dy ?? onesLike(y));
  for (let i = relevant.length - 1; i >= 0; i--) {
    const node = relevant[i]!;
    const g = gradOf.get(node.output.id);
    if (!g) continue;
    const needs = node.inputs.map((t) => dependsOnX.has(t.id));
    const inputGrads = engine.tidy(() => node.backward(g, needs));
    const stored = new Set<Tensor>(gradOf.values());
    node.inputs.forEach((input, k) => {
      let gi = inputGrads[k];
      if (!gi || !needs[k]) return;
      // A backward may pass dy through (add) or return one tensor for two inputs: give each stored
      // gradient its own handle (a view), so disposing one never frees another.
      if (stored.has(gi)) gi = engine.makeView(gi, gi.shape);
      stored.add(gi);
      const prev = gradOf.get(input.id);
      if (prev) {
        gradOf.set(input.id, add(prev, gi));
        prev.dispose();
        gi.dispose();
      } else gradOf.set(input.id, gi);
    });
  }
  return xs.map((x) => gradOf.get(x.id) ?? zerosLike(x));
}

/** Gradient of scalar-or-tensor f at x (dy defaults to ones). */
export function grad(f: (x: Tensor) => Tensor): (x: Tensor, dy?: Tensor) => Tensor {
  return (x, dy) => {
    const { value, grads } = backprop(() => f(x), [x], dy);
    value.dispose();
    return grads[0]!;
  };
}

export function grads(f: (...xs: Tensor[]) => Tensor): (xs: readonly Tensor[], dy?: Tensor) => Tensor[] {
  return (xs, dy) => {
    const { value, grads: gs } = backprop(() => f(...xs), xs, dy);
    value.dispose();
    return gs;
  };
}

export function valueAndGrad(f: (x: Tensor) => Tensor): (x: Tensor, dy?: Tensor) => { value: Tensor; grad: Tensor } {
  return (x, dy) => {
    const { value, grads: gs } = backprop(() => f(x), [x], dy);
    return { value, grad: gs[0]! };
  };
}

export function valueAndGrads(f: (...xs: Tensor[]) => Tensor): (xs: readonly Tensor[], dy?: Tensor) => { value: Tensor; grads: Tensor[] } {
  return (xs, dy) => backprop(() => f(...xs), xs, dy);
}

let variableCount = 0;

/** A trainable (by default) variable holding `initial`'s value. */
export function variable(initial: Tensor, trainable = true, name?: string): Variable {
  return engine.makeVariable(initial, trainable, name ?? `variable_${variableCount++}`);
}

/**
 * Value of f() and its gradient with respect to each variable (all trainable ones by default)
 * that f used (zeros for one it did not use).
 */
export function variableGrads(f: () => Tensor, vars?: readonly Variable[]): { value: Tensor; grads: Map<Variable, Tensor> } {
  const list = vars ?? [...engine.variables].filter((v) => v.trainable);
  const { value, grads: gs } = backprop(f, list);
  const out = new Map<Variable, Tensor>();
  list.forEach((v, i) => out.set(v, gs[i]!));
  return { value, grads: out };
}
