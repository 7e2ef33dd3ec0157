import { BackendError } from '@dlts/core';
import type { IKernelRunShortcut } from 'gpu.js';
import { foldConstantIndices } from './codegen.js';
import { KernelCache } from './kernel_cache.js';
import type { StartedGpu } from './start.js';
import { FLOAT32_EXACT_INT, type GpuValue, type GpujsStorage } from './storage.js';
import { type GlTexture, readTexture, releaseTexture, textureBytes } from './texture_io.js';

/** One kernel launch: the source (shapes baked in), its output size and operands. */
export interface KernelSpec {
  /** The contract kernel this launch belongs to, for errors. */
  readonly op: string;
  readonly source: string;
  readonly size: number;
  readonly inputs: readonly GpujsStorage[];
  /** Uniform parameters (fill values, clip bounds) appended after the inputs: no recompile per value. */
  readonly scalars?: readonly number[];
  /** Loop iterations one output value runs (nested loops multiplied), where they grow with the operands. */
  readonly loops?: number;
}

/**
 * Loop iterations a WebGL fragment may run. Mesa's llvmpipe stops every shader invocation after
 * 65535 loop iterations in all (gallivm's loop limiter, against hangs) and returns what it has,
 * so a longer sum is silently short (measured: a sum of 120,000 ones gave 65535); GLSL ES 1.00
 * promises no more. Kernels whose loops grow with their operands split the work (reduce) or
 * refuse past this (with headroom for the loops' own bookkeeping).
 */
export const MAX_SHADER_LOOPS = 60000;

/** Internals of gpu.js kernels the runtime touches when checking and evicting them. */
interface KernelInternals {
  readonly precision?: string;
  readonly fallbackReason?: string | null;
  textureCache?: unknown[];
  destroy(): void;
}

const UPLOAD = 'function(a) { return a[this.thread.x]; }';
/** Every output is the uniform v: fill, and the upload of a single value. */
export const FILL_SOURCE = 'function(v) {\nreturn v;\n}';

/**
 * Compiles, caches and launches gpu.js kernels in the started mode, and checks that each one
 * really runs there: gpu.js replaces a kernel it cannot build with a CPU one and only logs a
 * warning, which this turns into an error.
 */
export class GpuRuntime {
  private readonly cache: KernelCache<IKernelRunShortcut>;
  /** gpu.js kernel objects already checked; a shortcut that switched kernels is checked again. */
  private readonly verified = new WeakSet<object>();
  /** Kernels compiled since start (cache misses). */
  compiled = 0;

  constructor(readonly started: StartedGpu, cacheSize: number, readonly name: string) {
    this.cache = new KernelCache(cacheSize, (k) => this.destroyKernel(k));
  }

  get onGpu(): boolean {
    return this.started.mode === 'gpu';
  }

  cacheStats(): { compiled: number; cached: number; evicted: number; capacity: number } {
    return { compiled: this.compiled, cached: this.cache.size, evicted: this.cache.evicted, capacity: this.cache.capacity };
  }

  run(spec: KernelSpec): GpujsStorage {
    this.checkSize(spec.op, spec.size);
    if (this.onGpu && spec.loops !== undefined && spec.loops > MAX_SHADER_LOOPS) {
      throw new BackendError(
        `${this.name} backend (WebGL): ${spec.op} would loop ${spec.loops} times for one output value; WebGL shaders stop after `
        + `65535 loop iterations on Mesa's llvmpipe (results would be silently wrong), so this backend refuses more than ${MAX_SHADER_LOOPS}: `
        + 'use smaller operands, or mode \'cpu\'',
      );
    }
    if (spec.size === 0) return { value: null, length: 0, host: null };
    const values = spec.inputs.map((s, j) => {
      if (s.value) return s.value;
      if (s.host) {
        throw new BackendError(
          `${this.name} backend: ${spec.op} cannot read operand ${j}: an int32 tensor holding values beyond ±${FLOAT32_EXACT_INT} (2^24), `
          + 'which its float32 storage cannot hold exactly (it is kept on the host for reading back only)',
        );
      }
      throw new BackendError(`${this.name} backend: ${spec.op} got an empty operand ${j} for a non-empty result (internal error)`);
    });
    const value = this.launch(spec.op, foldConstantIndices(spec.source), spec.size, [...values, ...(spec.scalars ?? [])], spec.inputs.map((s) => s.length));
    return { value, length: spec.size, host: null };
  }

  /**
   * Runs one kernel on uploaded values and reads it back: the mode is then known to compute
   * (a compile failure, a CPU fallback or wrong values throw here, when the backend is created).
   */
  probe(): void {
    const x = this.upload(Float32Array.of(1.5, -2));
    const y = this.run({ op: 'probe', source: 'function(x) {\nreturn x[this.thread.x] * 2;\n}', size: 2, inputs: [x] });
    const got = this.download(y);
    this.release(x);
    this.release(y);
    if (got[0] !== 3 || got[1] !== -4) {
      throw new BackendError(`${this.name} backend (mode '${this.started.mode}'): probe kernel computed [${Array.from(got)}] for 2 * [1.5, -2]`);
    }
  }

  /** New storage holding `values` (already float32). */
  upload(values: Float32Array): GpujsStorage {
    this.checkSize('write', values.length);
    if (values.length === 0) return { value: null, length: 0, host: null };
    if (!this.onGpu) return { value: values.slice(), length: values.length, host: null };
    // One value goes in as a uniform: refilling the upload kernel's input texture waits for every
    // queued draw that read it (llvmpipe then runs nothing ahead), and scalars come once per op.
    const value = values.length === 1
      ? this.launch('write', FILL_SOURCE, 1, [values[0]], [])
      : this.launch('write', UPLOAD, values.length, [values], [values.length]);
    return { value, length: values.length, host: null };
  }

  download(s: GpujsStorage): Float32Array {
    if (!s.value) return new Float32Array(s.length);
    return s.value instanceof Float32Array ? s.value.slice() : readTexture(s.value, s.length);
  }

  release(s: GpujsStorage): void {
    if (s.value && !(s.value instanceof Float32Array)) releaseTexture(s.value);
  }

  bytes(s: GpujsStorage): number {
    if (s.host) return s.host.byteLength;
    if (!s.value) return 0;
    return s.value instanceof Float32Array ? s.value.byteLength : textureBytes(s.value);
  }

  /** Destroys every cached kernel and the gpu.js instance (and with it the WebGL context). */
  async shutdown(): Promise<void> {
    this.cache.clear();
    await this.started.gpu.destroy();
  }

  private launch(op: string, source: string, size: number, args: unknown[], lengths: readonly number[]): GpuValue {
    const key = `${size}|${lengths.join(',')}|${source}`;
    const cached = this.cache.get(key);
    const kernel = cached ?? this.started.gpu.createKernel(source, {
      output: [size],
      // Results stay on the GPU as textures and feed the next kernel; each call gets its own.
      pipeline: true,
      immutable: true,
      precision: 'single',
      // highp everywhere: gpu.js's default picks lowp/mediump from the output size.
      tactic: 'precision',
      optimizeFloatMemory: false,
    });
    let out: unknown;
    try {
      out = (kernel as unknown as (...a: unknown[]) => unknown)(...args);
      if (!this.verified.has(kernel.kernel)) {
        this.verify(kernel, op, source, out);
        this.verified.add(kernel.kernel);
      }
    } catch (e) {
      if (!cached) this.destroyKernel(kernel);
      if (e instanceof BackendError) throw e;
      throw new BackendError(`${this.name} backend (mode '${this.started.mode}'): kernel for ${op} failed: ${e instanceof Error ? e.message : String(e)}\nkernel source:\n${source}`);
    }
    if (!cached) {
      this.compiled++;
      this.cache.set(key, kernel);
    }
    return out as GpuValue;
  }

  /** The kernel must be of the started mode's class, at float32 precision, returning textures in 'gpu' mode. */
  private verify(k: IKernelRunShortcut, op: string, source: string, out: unknown): void {
    const kernel = k.kernel as unknown as KernelInternals;
    const { kernelClass, mode, gpujsMode } = this.started;
    const isTexture = !(out instanceof Float32Array);
    let wrong: string | null = null;
    if (!(kernel instanceof kernelClass)) {
      wrong = `gpu.js ran the ${op} kernel as ${kernel.constructor.name} instead of ${kernelClass.name} (gpu.js mode '${gpujsMode}')`
        + `${kernel.fallbackReason ? `: ${kernel.fallbackReason}` : ''}; dlts does not fall back silently`;
    } else if (kernel.precision !== 'single' || isTexture !== (mode === 'gpu')) {
      wrong = `the ${op} kernel runs at precision '${kernel.precision}' and returned ${isTexture ? 'a texture' : 'a Float32Array'}; `
        + `want 'single' and ${mode === 'gpu' ? 'a texture' : 'a Float32Array'}`;
    }
    if (wrong) {
      if (isTexture && out) releaseTexture(out as GlTexture);
      throw new BackendError(`${this.name} backend (mode '${mode}'): ${wrong}.\nkernel source:\n${source}`);
    }
  }

  private checkSize(op: string, size: number): void {
    if (size > FLOAT32_EXACT_INT) {
      throw new BackendError(
        `${this.name} backend: ${op} would make a tensor of ${size} elements; this backend indexes with float32 arithmetic `
        + `(WebGL 1 shaders), exact up to 2^24 = ${FLOAT32_EXACT_INT} elements per tensor: split the data into smaller tensors`,
      );
    }
  }

  private destroyKernel(k: IKernelRunShortcut): void {
    const kernel = k.kernel as unknown as KernelInternals;
    // Results of this kernel may still be live tensors: destroy() must not delete their textures
    // (they are freed by texture_io's releaseTexture when their tensors are disposed).
    if (kernel.textureCache) kernel.textureCache.length = 0;
    kernel.destroy();
    const list = (this.started.gpu as unknown as { kernels?: unknown[] }).kernels;
    const at = list ? list.indexOf(kernel) : -1;
    if (at >= 0) list!.splice(at, 1);
  }
}
