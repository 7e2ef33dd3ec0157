/**
 * Reading and freeing gpu.js's WebGL textures without going through the kernel that made them.
 *
 * A gpu.js texture calls back into its kernel to read (`toArray`) and to free (`delete`), and a
 * destroyed kernel silently does neither. Kernels here are evicted from a bounded cache while
 * their results are still live tensors, so reads and frees use the texture's own GL context.
 * The reference count gpu.js keeps on the GL texture (`_refs`, shared by clones) is honoured.
 */

/** The parts of gpu.js's GLTexture (src/backend/gl/texture) this file relies on. */
export interface GlTexture {
  readonly texture: WebGLTexture & { _refs?: number };
  /** Texture width and height in texels; one float per texel (red channel) at precision 'single'. */
  readonly size: readonly [number, number] | Int32Array;
  readonly context: WebGLRenderingContext;
  readonly kernel?: { textureCache?: WebGLTexture[] };
  _deleted?: boolean;
}

const readFramebuffers = new WeakMap<WebGLRenderingContext, WebGLFramebuffer>();

/** The first `length` values of a float texture. */
export function readTexture(t: GlTexture, length: number): Float32Array {
  const gl = t.context;
  const width = t.size[0]!;
  const rows = Math.ceil(length / width);
  let fb = readFramebuffers.get(gl);
  if (!fb) {
    fb = gl.createFramebuffer()!;
    readFramebuffers.set(gl, fb);
  }
  gl.bindFramebuffer(gl.FRAMEBUFFER, fb);
  gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, t.texture, 0);
  const rgba = new Float32Array(width * rows * 4);
  gl.readPixels(0, 0, width, rows, gl.RGBA, gl.FLOAT, rgba);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = rgba[i * 4]!;
  return out;
}

/** Drops this handle's reference; the GL texture is deleted with the last one. */
export function releaseTexture(t: GlTexture): void {
  if (t._deleted) return;
  t._deleted = true;
  const raw = t.texture;
  if (raw._refs) {
    raw._refs--;
    if (raw._refs > 0) return;
  }
  const cache = t.kernel?.textureCache;
  const at = cache ? cache.indexOf(raw) : -1;
  if (at >= 0) cache!.splice(at, 1);
  t.context.deleteTexture(raw);
}

/** GPU memory of the texture: width x height texels of four float32 channels. */
export function textureBytes(t: GlTexture): number {
  return t.size[0]! * t.size[1]! * 16;
}
