/**
 * SimpleRNN and LSTM forward passes against plain loops written from Keras's equations
 * (gate order input, forget, cell, output; unit forget bias), so a swapped gate is caught.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as dl from '../../src/index.js';

beforeAll(async () => {
  await dl.setBackend('cpu');
});

const sig = (v: number) => 1 / (1 + Math.exp(-v));

/** x [b, t, f] row-major; kernel [f, g*u]; rec [u, g*u]; bias [g*u]. */
function projections(x: Float64Array, b: number, t: number, f: number, kernel: Float64Array, rec: Float64Array, bias: Float64Array, h: Float64Array[], step: number, n: number): Float64Array[] {
  const u = h[0]!.length;
  return h.map((hb, bi) => {
    const z = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      let s = bias[j]!;
      for (let k = 0; k < f; k++) s += x[(bi * t + step) * f + k]! * kernel[k * n + j]!;
      for (let k = 0; k < u; k++) s += hb[k]! * rec[k * n + j]!;
      z[j] = s;
    }
    return z;
  });
}

describe('recurrent layers follow Keras', () => {
  const [b, t, f, u] = [2, 3, 4, 3];
  const x = new dl.RandomState(1).uniform(-1, 1, [b * t * f]) as Float64Array;

  it('SimpleRNN: h = tanh(x W + h U + b)', () => {
    const layer = new dl.SimpleRNN({ units: u, dtype: 'float64', biasInitializer: { name: 'randomUniform', seed: 2 } });
    const xt = dl.tensor(x, [b, t, f], 'float64');
    const y = layer.apply(xt);
    const [W, U, B] = layer.weights.map((w) => Float64Array.from(w.dataSync()));
    let h = [new Float64Array(u), new Float64Array(u)];
    for (let s = 0; s < t; s++) h = projections(x, b, t, f, W!, U!, B!, h, s, u).map((z) => z.map(Math.tanh));
    const got = y.dataSync();
    h.flatMap((v) => Array.from(v)).forEach((v, i) => expect(got[i]).toBeCloseTo(v, 12));
    dl.dispose([xt, y]);
    layer.dispose();
  });

  it('LSTM: gates i, f, c, o; the forget bias starts at 1', () => {
    const layer = new dl.LSTM({ units: u, dtype: 'float64' });
    const xt = dl.tensor(x, [b, t, f], 'float64');
    const y = layer.apply(xt);
    const [W, U, B] = layer.weights.map((w) => Float64Array.from(w.dataSync()));
    expect(Array.from(B!)).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    let h = [new Float64Array(u), new Float64Array(u)];
    let c = [new Float64Array(u), new Float64Array(u)];
    for (let s = 0; s < t; s++) {
      const zs = projections(x, b, t, f, W!, U!, B!, h, s, 4 * u);
      const next = zs.map((z, bi) => {
        const hn = new Float64Array(u);
        const cn = new Float64Array(u);
        for (let k = 0; k < u; k++) {
          const i = sig(z[k]!), fg = sig(z[u + k]!), g = Math.tanh(z[2 * u + k]!), o = sig(z[3 * u + k]!);
          cn[k] = fg * c[bi]![k]! + i * g;
          hn[k] = o * Math.tanh(cn[k]!);
        }
        return [hn, cn] as const;
      });
      h = next.map(([hn]) => hn);
      c = next.map(([, cn]) => cn);
    }
    const got = y.dataSync();
    h.flatMap((v) => Array.from(v)).forEach((v, i) => expect(got[i]).toBeCloseTo(v, 12));
    dl.dispose([xt, y]);
    layer.dispose();
  });
});
