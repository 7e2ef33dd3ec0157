import type { DType } from './backend/contract.js';
import { DltsError } from './errors.js';
import { globalRandom } from './random/global_random.js';
import { RandomState } from './random/random_state.js';
import { sizeOf } from './shape_util.js';
import type { Tensor } from './tensor.js';
import { tensor } from './ops/creation.js';

/**
 * Keras's initializers. Values are drawn in float64 by core's RandomState (so every backend gets the
 * same weights for the same seed) and uploaded in the layer's dtype.
 */
export type InitializerName =
  | 'zeros' | 'ones' | 'randomNormal' | 'randomUniform' | 'glorotUniform' | 'glorotNormal' | 'heNormal' | 'orthogonal';

export interface InitializerConfig {
  name: InitializerName;
  /** randomNormal: mean/stddev (0, 0.05); randomUniform: minval/maxval (-0.05, 0.05); orthogonal: gain (1). */
  mean?: number;
  stddev?: number;
  minval?: number;
  maxval?: number;
  gain?: number;
  seed?: number;
}

export type Initializer = InitializerName | InitializerConfig;

/** Keras's fan computation: the last two axes are (in, out); leading axes are the receptive field. */
export function fans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0]!, fanOut: shape[0]! };
  const receptive = sizeOf(shape.slice(0, -2));
  return { fanIn: shape[shape.length - 2]! * receptive, fanOut: shape[shape.length - 1]! * receptive };
}

/** Normal values re-drawn while outside two standard deviations (Keras's TruncatedNormal). */
function truncatedNormal(rng: RandomState, n: number, stddev: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v: number;
    do v = rng.standardNormal() as number;
    while (v < -2 || v > 2);
    out[i] = v * stddev;
  }
  return out;
}

/** Q of the QR decomposition of a normal matrix, signs fixed by diag(R) (Keras's Orthogonal). */
function orthogonal(rng: RandomState, shape: readonly number[], gain: number): Float64Array {
  const cols = shape[shape.length - 1]!;
  const rows = sizeOf(shape) / cols;
  // Work on the tall orientation (Keras transposes when rows < cols).
  const [m, n] = rows < cols ? [cols, rows] : [rows, cols];
  const a = rng.normal(0, 1, [m, n]) as Float64Array;
  // Modified Gram-Schmidt on the columns (m >= n): a becomes the Q whose R has a positive diagonal,
  // which is what Keras gets from QR followed by q *= sign(diag(r)).
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < j; k++) {
      let dot = 0;
      for (let i = 0; i < m; i++) dot += a[i * n + k]! * a[i * n + j]!;
      for (let i = 0; i < m; i++) a[i * n + j]! -= dot * a[i * n + k]!;
    }
    let norm = 0;
    for (let i = 0; i < m; i++) norm += a[i * n + j]! ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < m; i++) a[i * n + j] = a[i * n + j]! / norm;
  }
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[i * cols + j] = gain * (rows < cols ? a[j * n + i]! : a[i * n + j]!);
  }
  return out;
}

export function initialValues(init: Initializer, shape: readonly number[], where: string): Float64Array {
  const cfg: InitializerConfig = typeof init === 'string' ? { name: init } : init;
  const rng = cfg.seed === undefined ? globalRandom() : new RandomState(cfg.seed);
  const n = sizeOf(shape);
  const { fanIn, fanOut } = fans(shape);
  switch (cfg.name) {
    case 'zeros': return new Float64Array(n);
    case 'ones': return new Float64Array(n).fill(1);
    case 'randomNormal': return rng.normal(cfg.mean ?? 0, cfg.stddev ?? 0.05, [n]) as Float64Array;
    case 'randomUniform': return rng.uniform(cfg.minval ?? -0.05, cfg.maxval ?? 0.05, [n]) as Float64Array;
    case 'glorotUniform': {
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      return rng.uniform(-limit, limit, [n]) as Float64Array;
    }
    // 0.879... is the stddev of a unit normal truncated at two standard deviations.
    case 'glorotNormal': return truncatedNormal(rng, n, Math.sqrt(2 / (fanIn + fanOut)) / 0.87962566103423978);
    case 'heNormal': return truncatedNormal(rng, n, Math.sqrt(2 / fanIn) / 0.87962566103423978);
    case 'orthogonal': {
      if (shape.length < 2) throw new DltsError(`${where}: orthogonal needs a rank >= 2 shape, got [${shape.join(',')}]`);
      return orthogonal(rng, shape, cfg.gain ?? 1);
    }
    default:
      throw new DltsError(`${where}: unknown initializer '${String((cfg as { name: unknown }).name)}'`);
  }
}

/** A tensor of `shape` in `dtype` filled by the initializer. */
export function initialize(init: Initializer, shape: readonly number[], dtype: DType, where: string): Tensor {
  return tensor(initialValues(init, shape, where), shape, dtype);
}
