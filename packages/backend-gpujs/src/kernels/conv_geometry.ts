import { lit } from '../codegen.js';

/**
 * Source fragments shared by the conv and pool kernels: NHWC offsets, and the inverse of the
 * window map (which output row reads input row `iy` through filter row `fy`), which the
 * backward kernels need because a fragment shader gathers and cannot scatter.
 */

/** Offset of pixel (b, y, x) channel c in an NHWC tensor of height h, width w, channels ch. */
export function nhwc(b: string, y: string, x: string, c: string, h: number, w: number, ch: number): string {
  return `((${b} * ${lit(h)} + ${y}) * ${lit(w)} + ${x}) * ${lit(ch)} + ${c}`;
}

export interface WindowOf {
  /** Statements declaring the output coordinate `out`. */
  readonly code: string;
  /** Whether that output exists and reads `coord` through the tap. */
  readonly cond: string;
}

/**
 * The output row (or column) whose window puts filter tap `tap` on input coordinate `coord`:
 * coord + pad - tap * dilation must be a non-negative multiple of the stride below `outSize`.
 * The quotient is rounded, not floored, so a division an ulp off still finds exact multiples.
 */
export function windowOf(out: string, coord: string, tap: string, pad: number, dilation: number, stride: number, outSize: number): WindowOf {
  const t = `${out}t`;
  let code = `const ${t} = ${coord} + ${lit(pad)} - ${tap} * ${lit(dilation)};\n`;
  code += stride === 1 ? `const ${out} = ${t};\n` : `const ${out} = Math.floor(${t} / ${lit(stride)} + 0.5);\n`;
  const multiple = stride === 1 ? '' : ` && ${out} * ${lit(stride)} == ${t}`;
  return { code, cond: `${t} >= 0${multiple} && ${out} < ${lit(outSize)}` };
}
