/**
 * Compiles assembly/ (AssemblyScript) into the two kernel binaries the backend loads:
 *   dist/kernels.wasm          SIMD (runs on every Node 20+)
 *   dist/kernels-relaxed.wasm  SIMD + relaxed SIMD (fused multiply-add; Node 20 needs --experimental-wasm-relaxed-simd)
 * Both import one shared memory (env.memory), so worker threads can run the same kernels on it.
 * Each file is written to a temporary name and renamed, so a reader never sees half a binary.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;

/** Shared by both variants. Memory limits must match what src/memory_plan.ts creates (pages of 64 KiB). */
const COMMON = [
  'assembly/index.ts',
  '--optimizeLevel', '3', '--shrinkLevel', '0', '--noAssert',
  '--runtime', 'stub',
  '--enable', 'simd', '--enable', 'threads',
  '--importMemory', '--sharedMemory', '--initialMemory', '1', '--maximumMemory', '65536',
];

const VARIANTS = [
  { file: 'kernels.wasm', flags: [] },
  { file: 'kernels-relaxed.wasm', flags: ['--enable', 'relaxed-simd'] },
];

mkdirSync(dist, { recursive: true });
for (const { file, flags } of VARIANTS) {
  let binary;
  const stderr = [];
  const { error } = await asc.main([...COMMON, ...flags, '--outFile', file], {
    baseDir: root,
    stdout: { write: () => true },
    stderr: { write: (s) => (stderr.push(String(s)), true) },
    writeFile: (name, contents) => {
      if (name === file) binary = contents;
    },
  });
  if (stderr.length > 0) process.stderr.write(stderr.join(""));
  if (error) {
    console.error(stderr.join(''));
    throw new Error(`build_kernels: asc failed for ${file}: ${error.message}`);
  }
  if (!binary) throw new Error(`build_kernels: asc produced no ${file}`);
  const target = `${dist}${file}`;
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, binary);
  renameSync(tmp, target);
  console.log(`build_kernels: ${target} (${binary.length} bytes)`);
}
