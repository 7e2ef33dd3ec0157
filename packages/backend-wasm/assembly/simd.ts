/**
 * Lane-wise helpers shared by the kernels: multiply-add (fused in the relaxed build) and the float32
 * transcendental functions the activations need, vectorised four lanes at a time.
 */

/** a * b + c per lane: f32x4.relaxed_madd in the relaxed-SIMD build, a mul and an add otherwise. */
// @ts-ignore: decorator
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/** 1.0f in every lane where mask is set, 0.0f elsewhere (comparison results as numbers). */
// @ts-ignore: decorator
@inline export function maskToOne(mask: v128): v128 {
  return v128.and(mask, f32x4.splat(1));
}

/**
 * e^x per lane (Cephes expf: x = n ln2 + r, a degree-6 polynomial in r, within about 1 ulp).
 * x is clamped to [-104, 100] so 2^n can be built from two halves; results overflow to +Infinity
 * and underflow to 0 (through the subnormals) as Math.exp's float32 rounding does; NaN stays NaN.
 * n = round(x / ln2) comes from adding 1.5 * 2^23, whose low mantissa bits are then n itself
 * (cheaper in V8 than floor plus a saturating conversion).
 */
// @ts-ignore: decorator
@inline export function expv(x: v128): v128 {
  x = f32x4.min(f32x4.max(x, f32x4.splat(-104)), f32x4.splat(100));
  const magic = f32x4.splat(12582912);
  const t = madd(x, f32x4.splat(1.44269504088896341), magic);
  const fx = f32x4.sub(t, magic);
  // r = x - n*ln2, with ln2 split in two so the product is exact.
  let r = f32x4.sub(x, f32x4.mul(fx, f32x4.splat(0.693359375)));
  r = f32x4.sub(r, f32x4.mul(fx, f32x4.splat(-2.12194440e-4)));
  const z = f32x4.mul(r, r);
  let y = f32x4.splat(1.9875691500e-4);
  y = madd(y, r, f32x4.splat(1.3981999507e-3));
  y = madd(y, r, f32x4.splat(8.3334519073e-3));
  y = madd(y, r, f32x4.splat(4.1665795894e-2));
  y = madd(y, r, f32x4.splat(1.6666665459e-1));
  y = madd(y, r, f32x4.splat(5.0000001201e-1));
  y = f32x4.add(madd(y, z, r), f32x4.splat(1));
  // 2^n = 2^(n>>1) * 2^(n - n>>1): each half stays a normal float32 for n in [-150, 145].
  const n = i32x4.sub(t, magic);
  const n1 = i32x4.shr_s(n, 1);
  const n2 = i32x4.sub(n, n1);
  const bias = i32x4.splat(127);
  const p1 = i32x4.shl(i32x4.add(n1, bias), 23);
  const p2 = i32x4.shl(i32x4.add(n2, bias), 23);
  return f32x4.mul(f32x4.mul(y, p1), p2);
}

/** 1 / (1 + e^-x) per lane; saturates to exactly 0 and 1. */
// @ts-ignore: decorator
@inline export function sigmoidv(x: v128): v128 {
  const one = f32x4.splat(1);
  return f32x4.div(one, f32x4.add(one, expv(f32x4.neg(x))));
}

/**
 * tanh per lane: an odd polynomial below |x| = 0.625 (Cephes tanhf, no cancellation near 0),
 * 1 - 2 / (e^2|x| + 1) above it, with x's sign put back.
 */
// @ts-ignore: decorator
@inline export function tanhv(x: v128): v128 {
  const ax = f32x4.abs(x);
  const z = f32x4.mul(x, x);
  let p = f32x4.splat(-5.70498872745e-3);
  p = madd(p, z, f32x4.splat(2.06390887954e-2));
  p = madd(p, z, f32x4.splat(-5.37397155531e-2));
  p = madd(p, z, f32x4.splat(1.33314422036e-1));
  p = madd(p, z, f32x4.splat(-3.33332819422e-1));
  const small = madd(f32x4.mul(p, z), x, x);
  const one = f32x4.splat(1);
  const e = expv(f32x4.add(ax, ax));
  const large = f32x4.sub(one, f32x4.div(f32x4.splat(2), f32x4.add(e, one)));
  const signed = v128.or(large, v128.and(x, i32x4.splat(0x80000000)));
  return v128.bitselect(small, signed, f32x4.lt(ax, f32x4.splat(0.625)));
}

/** A scalar through a vector function (for loop tails, so tails round exactly like the body). */
// @ts-ignore: decorator
@inline export function lane0(v: v128): f32 {
  return f32x4.extract_lane(v, 0);
}

/**
 * JavaScript's ToInt32 (what storing a number into an Int32Array does): truncate toward zero,
 * wrap modulo 2^32, NaN and infinities to 0.
 */
export function toInt32(v: f64): i32 {
  if (!isFinite(v)) return 0;
  if (Math.abs(v) < 2147483648.0) return <i32>v;
  let r = Math.trunc(v) % 4294967296.0;
  if (r < 0) r += 4294967296.0;
  return <i32><u32>r;
}
