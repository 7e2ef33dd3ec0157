import { BackendError } from '@dlts/core';
import type { GPU } from 'gpu.js';
import type { GpujsMode } from './options.js';

/** Shell command that gives headless-gl a display with GLX (what .ci/run and the README use). */
export const XVFB_RUN = 'xvfb-run -a -s "-screen 0 1280x1024x24 +extension GLX"';

/** Debian packages headless-gl needs to build from source, and to run. */
export const GL_BUILD_PACKAGES = 'python3 make g++ pkg-config libx11-dev libxext-dev libxi-dev libgl1-mesa-dev';
export const GL_RUN_PACKAGES = 'xvfb xauth libgl1-mesa-dri';

/** A gpu.js instance in the mode that was asked for, and how to recognise its kernels. */
export interface StartedGpu {
  readonly gpu: GPU;
  readonly mode: GpujsMode;
  /** gpu.js's name for the kernel type in use: 'headlessgl', 'webgl' (in a page) or 'cpu'. */
  readonly gpujsMode: string;
  /** The gpu.js kernel class every compiled kernel must be an instance of (no silent fallback). */
  readonly kernelClass: abstract new (...args: never[]) => unknown;
}

function isNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

/**
 * Creates the gpu.js instance for `mode`, or throws one error saying why that mode cannot run
 * here and how to fix it. gpu.js itself would quietly pick another kernel type (or the CPU);
 * this never does.
 */
export async function startGpu(mode: GpujsMode): Promise<StartedGpu> {
  const gpujs = await import('gpu.js');
  if (mode === 'cpu') return { gpu: new gpujs.GPU({ mode: 'cpu' }), mode, gpujsMode: 'cpu', kernelClass: gpujs.CPUKernel };
  if (isNode()) {
    await checkHeadlessGl();
    const features = gpujs.HeadlessGLKernel.isSupported ? gpujs.HeadlessGLKernel.features : null;
    if (!features) throw new BackendError(`gpujs backend (mode 'gpu'): gpu.js found no usable headless-gl context although one could be created; DISPLAY=${process.env.DISPLAY ?? '(unset)'}`);
    requireFloatTextures(features.isTextureFloat, features.isFloatRead);
    return { gpu: new gpujs.GPU({ mode: 'headlessgl' }), mode, gpujsMode: 'headlessgl', kernelClass: gpujs.HeadlessGLKernel };
  }
  // In a page: WebGL 1, the kernel type headless-gl runs in Node, so a page runs the code CI tests.
  if (!gpujs.WebGLKernel.isSupported) {
    throw new BackendError(`gpujs backend (mode 'gpu'): this page has no WebGL context; use mode 'cpu' or a browser with WebGL`);
  }
  requireFloatTextures(gpujs.WebGLKernel.features.isTextureFloat, gpujs.WebGLKernel.features.isFloatRead);
  return { gpu: new gpujs.GPU({ mode: 'webgl' }), mode, gpujsMode: 'webgl', kernelClass: gpujs.WebGLKernel };
}

function requireFloatTextures(textureFloat: boolean, floatRead: boolean): void {
  if (!textureFloat || !floatRead) {
    throw new BackendError(
      `gpujs backend (mode 'gpu'): this WebGL has no float32 textures (OES_texture_float ${textureFloat ? 'present' : 'missing'}, `
      + `float readback ${floatRead ? 'works' : 'fails'}); precision 'single' cannot run, and dlts does not lower it to 8-bit packing`,
    );
  }
}

/** Loads headless-gl and opens a 1x1 context, turning each way this fails into its fix. */
async function checkHeadlessGl(): Promise<void> {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  let createContext: (w: number, h: number, o?: object) => WebGLRenderingContext | null;
  try {
    createContext = require('gl') as typeof createContext;
  } catch (e) {
    throw new BackendError(
      `gpujs backend (mode 'gpu'): the native package 'gl' (headless-gl, gpu.js's WebGL in Node) did not load: `
      + `${e instanceof Error ? e.message.split('\n')[0] : String(e)}. It is built from source at install time, and `
      + `that build fails silently (the install still succeeds) when tools or headers are missing. Fix: `
      + `apt-get install ${GL_BUILD_PACKAGES} ${GL_RUN_PACKAGES}, then reinstall with Node's headers named: `
      + `npm_config_nodedir=/usr pnpm install --force (pnpm must allow the build: 'allowBuilds: gl' in pnpm-workspace.yaml). `
      + `Or use mode 'cpu'.`,
    );
  }
  const gl = createContext(1, 1);
  if (!gl) {
    throw new BackendError(
      `gpujs backend (mode 'gpu'): headless-gl could not create a WebGL context (DISPLAY=${process.env.DISPLAY ?? '(unset)'}): `
      + `it needs an X server with the GLX extension. Fix: run the command under ${XVFB_RUN} `
      + `(apt-get install ${GL_RUN_PACKAGES}), or use mode 'cpu'.`,
    );
  }
  gl.getExtension('STACKGL_destroy_context')?.destroy();
}
