/** The fused dense kernel's epilogue: C = activation(C + bias) on rows of a fresh product. */
import { Activation } from './op_codes';
import { lane0, sigmoidv, tanhv } from './simd';

// @ts-ignore: decorator
@inline function activate(act: i32, v: v128): v128 {
  switch (act) {
    case Activation.RELU: return v128.and(v, f32x4.gt(v, f32x4.splat(0)));
    case Activation.SIGMOID: return sigmoidv(v);
    case Activation.TANH: return tanhv(v);
    default: return v;
  }
}

/** rows x n at c (row-major); bias is n floats or 0 for none. Each step rounds like the unfused ops. */
export function bias_act(c: usize, rows: i32, n: i32, bias: usize, act: i32): void {
  if (bias == 0 && act == Activation.LINEAR) return;
  for (let r = 0; r < rows; r++) {
    const row = c + (<usize>(r * n) << 2);
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      const at = <usize>j << 2;
      let v = v128.load(row + at);
      if (bias != 0) v = f32x4.add(v, v128.load(bias + at));
      v128.store(row + at, activate(act, v));
    }
    for (; j < n; j++) {
      const at = <usize>j << 2;
      let v = load<f32>(row + at);
      if (bias != 0) v += load<f32>(bias + at);
      store<f32>(row + at, lane0(activate(act, f32x4.splat(v))));
    }
  }
}
