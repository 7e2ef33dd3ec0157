/**
 * Helpers that write gpu.js kernel sources. Every kernel is a JavaScript function in the subset
 * gpu.js translates to GLSL (and runs as JavaScript in cpu mode), with the shapes baked in as
 * literals: a kernel is compiled once per shape, loops get constant bounds (GLSL ES 1.00 needs
 * them) and index arithmetic folds.
 *
 * Index arithmetic runs in float32 on WebGL 1 (gpu.js declares its variables float), which is
 * exact for integers up to 2^24: tensors are limited to that many elements (see storage.ts).
 * Division by a constant is not exact on every GPU (gpu.js measures this one as inexact), so
 * quotients are corrected after the floor.
 */

/** An integer shape constant as a kernel literal. */
export function lit(v: number): string {
  if (!Number.isInteger(v)) throw new Error(`gpujs codegen: ${v} is not an integer constant`);
  return v < 0 ? `(${v})` : String(v);
}

export function rowMajorStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let k = shape.length - 1; k >= 0; k--) {
    strides[k] = s;
    s *= shape[k]!;
  }
  return strides;
}

/**
 * Statements declaring `q = floor(x / d)` for a non-negative integer x and constant d > 0,
 * exact even where the GPU's division is off by an ulp.
 */
export function floorDiv(q: string, x: string, d: number): string {
  if (d === 1) return `let ${q} = ${x};\n`;
  return `let ${q} = Math.floor(${x} / ${lit(d)});\n`
    + `if (${q} * ${lit(d)} > ${x}) { ${q} = ${q} - 1; }\n`
    + `if ((${q} + 1) * ${lit(d)} <= ${x}) { ${q} = ${q} + 1; }\n`;
}

export interface SplitIndex {
  /** Statements computing the coordinates. */
  readonly code: string;
  /** One expression per dimension ('0' for size-1 dimensions). */
  readonly coords: string[];
}

/** Splits the flat index `flat` of a row-major `shape` into coordinates named `<prefix><dim>`. */
export function splitIndex(flat: string, shape: readonly number[], prefix: string): SplitIndex {
  const strides = rowMajorStrides(shape);
  let last = -1;
  for (let k = 0; k < shape.length; k++) if (shape[k] !== 1) last = k;
  let code = '';
  let rest = flat;
  const coords: string[] = [];
  for (let k = 0; k < shape.length; k++) {
    if (shape[k] === 1) coords.push('0');
    else if (k === last) coords.push(rest);
    else {
      const q = `${prefix}${k}`;
      code += floorDiv(q, rest, strides[k]!);
      const r = `${prefix}r${k}`;
      code += `const ${r} = ${rest} - ${q} * ${lit(strides[k]!)};\n`;
      coords.push(q);
      rest = r;
    }
  }
  return { code, coords };
}

/** The expression base + sum(coords[k] * strides[k]), leaving out zero terms. */
export function offset(coords: readonly string[], strides: readonly number[], base = 0): string {
  const terms: string[] = [];
  if (base !== 0) terms.push(lit(base));
  coords.forEach((c, k) => {
    const s = strides[k]!;
    if (c === '0' || s === 0) return;
    terms.push(s === 1 ? c : `${c} * ${lit(s)}`);
  });
  return terms.length === 0 ? '0' : terms.join(' + ');
}

/** Strides of `inShape` read at the coordinates of `outShape` (numpy broadcasting: 0 on broadcast dims). */
export function broadcastStrides(inShape: readonly number[], outShape: readonly number[]): number[] {
  const own = rowMajorStrides(inShape);
  const lead = outShape.length - inShape.length;
  return outShape.map((_, k) => (k < lead || inShape[k - lead] === 1 ? 0 : own[k - lead]!));
}

export interface Merged {
  readonly shape: number[];
  /** One stride list per operand, over the merged dimensions. */
  readonly strides: number[][];
}

/**
 * Drops size-1 dimensions and merges neighbours that every operand walks as one run, so a
 * same-shape or scalar operand costs no index arithmetic and most broadcasts need one division.
 */
export function mergeDims(shape: readonly number[], strides: readonly (readonly number[])[]): Merged {
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let k = 0; k < shape.length; k++) {
    const n = shape[k]!;
    if (n === 1) continue;
    const m = outShape.length - 1;
    const joins = m >= 0 && strides.every((s, j) => outStrides[j]![m] === s[k]! * n);
    if (joins) {
      outShape[m] = outShape[m]! * n;
      strides.forEach((s, j) => { outStrides[j]![m] = s[k]!; });
    } else {
      outShape.push(n);
      strides.forEach((s, j) => outStrides[j]!.push(s[k]!));
    }
  }
  return { shape: outShape, strides: outStrides };
}

/**
 * Statements that compute, from the flat output index `i`, the flat index of every operand
 * (given its strides over `shape`); returns the index expressions.
 */
export function operandIndices(shape: readonly number[], strides: readonly (readonly number[])[], prefix: string): { code: string; indices: string[] } {
  const merged = mergeDims(shape, strides);
  const contiguous = rowMajorStrides(merged.shape);
  const same = (s: readonly number[]): boolean => s.every((v, k) => v === contiguous[k]);
  if (merged.strides.every((s) => same(s) || s.every((v) => v === 0))) {
    return { code: '', indices: merged.strides.map((s) => (same(s) && s.length > 0 ? 'i' : '0')) };
  }
  const split = splitIndex('i', merged.shape, prefix);
  return { code: split.code, indices: merged.strides.map((s) => (same(s) ? 'i' : offset(split.coords, s))) };
}

/**
 * Folds every all-literal index (`x[6 + 0]`, `st[0 * 2 + 1]`, left by size-1 dimensions) into one
 * integer: gpu.js types literal-only arithmetic as float, and GLSL then finds no texture read
 * taking a float index.
 */
export function foldConstantIndices(source: string): string {
  return source.replace(/\[([\d\s+\-*()]+)\]/g, (_, expr: string) => `[${lit(evaluate(expr))}]`);
}

/** Value of an integer expression of + - * and parentheses (no eval: a tiny recursive descent). */
function evaluate(expr: string): number {
  const tokens = expr.match(/\d+|[+\-*()]/g) ?? [];
  let at = 0;
  const atom = (): number => {
    const t = tokens[at++];
    if (t === '(') {
      const v = sum();
      at++;
      return v;
    }
    if (t === '-') return -atom();
    return Number(t);
  };
  const product = (): number => {
    let v = atom();
    while (tokens[at] === '*') {
      at++;
      v *= atom();
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (tokens[at] === '+' || tokens[at] === '-') {
      const op = tokens[at++];
      v = op === '+' ? v + product() : v - product();
    }
    return v;
  };
  return sum();
}
