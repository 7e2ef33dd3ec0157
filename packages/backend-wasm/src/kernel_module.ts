import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BackendError } from '@dlts/core';

export type SimdVariant = 'plain' | 'relaxed';

/**
 * The two builds of assembly/ (scripts/build_kernels.mjs). Resolved from this file's URL through
 * the package root, so the same path works from src/ (tests) and dist/ (the published package).
 */
const FILES: Record<SimdVariant, URL> = {
  plain: new URL('../dist/kernels.wasm', import.meta.url),
  relaxed: new URL('../dist/kernels-relaxed.wasm', import.meta.url),
};

/**
 * A module whose one function runs f32x4.relaxed_madd on three zero vectors: it validates exactly
 * when the runtime has relaxed SIMD (Node 20 only with --experimental-wasm-relaxed-simd).
 */
const RELAXED_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type section: () -> ()
  0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
  0x0a, 0x3e, 0x01, 0x3c, 0x00, // code section: one body of 60 bytes, no locals
  0xfd, 0x0c, ...new Array<number>(16).fill(0), // v128.const 0
  0xfd, 0x0c, ...new Array<number>(16).fill(0),
  0xfd, 0x0c, ...new Array<number>(16).fill(0),
  0xfd, 0x85, 0x02, // f32x4.relaxed_madd
  0x1a, 0x0b, // drop, end
]);

export function relaxedSimdSupported(): boolean {
  return WebAssembly.validate(RELAXED_PROBE);
}

/** Which build to load for the relaxedSimd option; asking for relaxed where it cannot run is an error. */
export function chooseVariant(relaxedSimd: 'auto' | boolean): SimdVariant {
  const supported = relaxedSimdSupported();
  if (relaxedSimd === true && !supported) {
    throw new BackendError(
      `wasm backend: relaxedSimd: true was requested but this runtime (Node ${process.version}) does not support ` +
        `relaxed SIMD; on Node 20 start node with --experimental-wasm-relaxed-simd, or use relaxedSimd: 'auto' or false`,
    );
  }
  return relaxedSimd !== false && supported ? 'relaxed' : 'plain';
}

const compiled = new Map<SimdVariant, Promise<WebAssembly.Module>>();

/** The compiled kernels module of a variant (compiled once per process, shared by every instance). */
export function kernelModule(variant: SimdVariant): Promise<WebAssembly.Module> {
  let module = compiled.get(variant);
  if (!module) {
    module = (async () => {
      const path = fileURLToPath(FILES[variant]);
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = new Uint8Array(await readFile(path));
      } catch (e) {
        throw new BackendError(
          `wasm backend: cannot read the ${variant} kernels at ${path} (${(e as Error).message}); ` +
            `build them with 'pnpm --filter @dlts/backend-wasm build'`,
        );
      }
      return WebAssembly.compile(bytes);
    })();
    compiled.set(variant, module);
    module.catch(() => compiled.delete(variant));
  }
  return module;
}
