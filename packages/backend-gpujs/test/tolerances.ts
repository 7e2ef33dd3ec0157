/**
 * float32 tolerances t of the conformance check |got - want| <= t * (1 + |want|) (scaled by
 * sqrt(k) for k-term sums). How they were found is in the package README ("Tolerance").
 *
 * WebGL: GLSL's exp, log and pow are approximations (llvmpipe: exp up to ~6 ulp on [-5, 5],
 * pow up to ~7 ulp on the suite's operand ranges, measured over 2^20 random inputs each), so
 * 5e-7 covers the largest measured error, 4.7e-7; the seeded suite alone passes at 3e-7.
 */
export const WEBGL_TOLERANCE = 5e-7;

/** cpu mode: gpu.js evaluates the kernels in float64 JavaScript and rounds once: half an ulp. */
export const CPU_TOLERANCE = 6e-8;
