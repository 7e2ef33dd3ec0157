import { tensor, tidy } from 'dlts';
import type { Experiment } from '../runner/experiment.js';
import { scatterWithLine } from '../plots/chart.js';
import { Neuron } from '../book/neuron.js';
import { readScalar } from '../book/swap.js';
import { diabetesBmi } from './data.js';

const EPOCHS = 100;

/** Ch03: linear regression of diabetes progression on BMI, w = b = 1, 100 epochs, lr 1. */
export const ch03Neuron: Experiment = {
  id: 'ch03.neuron',
  chapter: 3,
  title: 'Neuron: linear regression on BMI, per sample, 100 epochs',
  metric: 'w',
  book: { kind: 'exact', value: 913.5973364345905, relTol: 1e-9 },
  // float32 on cpu lands 3e-7 relative from the book (measured); 1e-5 leaves room for other backends.
  tolerance: { rel: 1e-5 },
  async prepare() {
    await diabetesBmi();
  },
  async run(ctx) {
    const { x, y } = await diabetesBmi();
    const xt = tensor(x, [x.length], ctx.dtype);
    const neuron = new Neuron(ctx.dtype);
    try {
      const epochs = ctx.epochs ?? EPOCHS;
      const yHat0 = tidy(() => readScalar(neuron.forpass(tensor([x[0]!], [], ctx.dtype))));
      // The book's hand-written loop runs one epoch, prints w and b, then 99 more: fit() keeps
      // the weights between calls, so 1 + 99 epochs are the same updates as one 100-epoch fit.
      neuron.fit(xt, y, Math.min(1, epochs));
      const first = neuron.values();
      neuron.fit(xt, y, epochs - Math.min(1, epochs));
      const { w, b } = neuron.values();
      const at018 = 0.18 * w + b;
      ctx.plot('fitted_line', scatterWithLine({
        title: `Ch03 Neuron: w = ${w.toPrecision(8)}, b = ${b.toPrecision(8)}`,
        xTitle: 'x (BMI, scaled)',
        yTitle: 'y (progression)',
        points: Array.from(x, (xi, i) => ({ x: xi, y: y[i]! })),
        line: [{ x: -0.1, y: -0.1 * w + b }, { x: 0.15, y: 0.15 * w + b }],
      }));
      return {
        value: w,
        history: { loss: [] },
        weights: { w, b },
        extras: { y_hat0: yHat0, w_epoch1: first.w, b_epoch1: first.b, prediction_at_0_18: at018 },
      };
    } finally {
      neuron.dispose();
      xt.dispose();
    }
  },
};
