import { add, div, matMul, mul, neg, ones, scalar, sub, sum, tidy, zeros, type DType, type Tensor } from 'dlts';
import { penaltyGrad, regLoss, SingleLayerCh06, type Ch06FitOptions, type Ch06Options } from './single_layer_ch06.js';
import { readScalar, swap } from './swap.js';

/**
 * Ch06's `DualLayer`: a sigmoid hidden layer of `units` and a sigmoid output, full batch,
 * w1 = ones((features, units)), b1 = zeros(units), w2 = ones((units, 1)), b2 = 0; backprop by hand.
 */
export class DualLayer extends SingleLayerCh06 {
  w1: Tensor | null = null;
  b1: Tensor | null = null;
  w2: Tensor | null = null;
  b2: Tensor | null = null;
  /**
   * The hidden activations of the last forpass, which backprop reads (as the book's `self.a1`).
   * Only valid inside the tidy scope that ran that forpass.
   */
  protected a1: Tensor | null = null;

  constructor(dtype: DType, readonly units = 10, options: Ch06Options = {}) {
    super(dtype, options);
  }

  override forpass(x: Tensor): Tensor {
    const z1 = add(matMul(x, this.w1!), this.b1!);
    this.a1 = this.activation(z1);
    return add(matMul(this.a1, this.w2!), this.b2!);
  }

  override backprop(x: Tensor, err: Tensor): Tensor[] {
    const m = x.shape[0]!;
    const a1 = this.a1!;
    const w2Grad = div(matMul(a1, err, true), m);
    const b2Grad = div(sum(err), m);
    const errToHidden = mul(mul(matMul(err, this.w2!, false, true), a1), sub(1, a1));
    const w1Grad = div(matMul(x, errToHidden, true), m);
    const b1Grad = div(sum(errToHidden, 0), m);
    return [w1Grad, b1Grad, w2Grad, b2Grad];
  }

  initWeights(features: number): void {
    this.setWeights(ones([features, this.units], this.dtype), zeros([this.units], this.dtype), ones([this.units, 1], this.dtype), scalar(0, this.dtype));
  }

  /** Swaps in new weights, freeing the old ones. */
  protected setWeights(w1: Tensor, b1: Tensor, w2: Tensor, b2: Tensor): void {
    this.w1 = swap(this.w1, w1);
    this.b1 = swap(this.b1, b1);
    this.w2 = swap(this.w2, w2);
    this.b2 = swap(this.b2, b2);
  }

  override fit(x: Tensor, y: Tensor, options: Ch06FitOptions): void {
    const m = x.shape[0]!;
    this.initWeights(x.shape[1]!);
    for (let epoch = 0; epoch < (options.epochs ?? 100); epoch++) {
      const loss = this.training(x, y, m);
      this.losses.push(tidy(() => readScalar(div(add(loss, this.regLoss()), m))));
      loss.dispose();
      this.updateValLoss(options.xVal, options.yVal);
    }
  }

  /** One gradient step on (x, y); returns the summed loss of the activations before the step. */
  training(x: Tensor, y: Tensor, m: number): Tensor {
    const [w1, b1, w2, b2, loss] = tidy(() => {
      const a = this.outputActivation(this.forpass(x));
      const err = neg(sub(y, a));
      let [w1Grad, b1Grad, w2Grad, b2Grad] = this.backprop(x, err) as [Tensor, Tensor, Tensor, Tensor];
      w1Grad = add(w1Grad, div(penaltyGrad(this.l1, this.l2, this.w1!), m));
      w2Grad = add(w2Grad, div(penaltyGrad(this.l1, this.l2, this.w2!), m));
      return [
        sub(this.w1!, mul(this.lr, w1Grad)),
        sub(this.b1!, mul(this.lr, b1Grad)),
        sub(this.w2!, mul(this.lr, w2Grad)),
        sub(this.b2!, mul(this.lr, b2Grad)),
        this.lossSum(a, y),
      ];
    });
    this.setWeights(w1, b1, w2, b2);
    return loss;
  }

  override regLoss(): Tensor {
    return regLoss(this.l1, this.l2, [this.w1!, this.w2!]);
  }

  override dispose(): void {
    for (const t of [this.w1, this.b1, this.w2, this.b2]) t?.dispose();
    super.dispose();
  }
}
