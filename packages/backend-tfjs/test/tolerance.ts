/**
 * float32 tolerance of each engine in the conformance suite: |got - want| <= tol * (1 + |want|)
 * against the float64 reference (scaled by sqrt(k) for k-term sums). Both are the tightest that
 * pass, rounded up (measured by re-running the suite at smaller values):
 * - cpu 1e-7: tfjs-backend-cpu computes in doubles and rounds each kernel's result once; at 6e-8
 *   (one float32 rounding) logSoftmax fails, which tfjs composes of five kernels, each rounding.
 * - wasm 3e-7: XNNPACK sums matmul and reduction terms in its own blocked order with fused
 *   multiply-adds; at 1.5e-7 the 257x129x65 matmul and long-row sums fail (2e-7 passes).
 */
export const TOLERANCE = {
  wasm: { float32: 3e-7 },
  cpu: { float32: 1e-7 },
} as const;
