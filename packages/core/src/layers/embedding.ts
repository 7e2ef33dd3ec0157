import type { Initializer } from '../initializers.js';
import type { Regularizer } from '../regularizers.js';
import { gather } from '../ops/transform.js';
import { cast } from '../ops/select.js';
import { composed } from '../ops/run.js';
import type { Tensor, Variable } from '../tensor.js';
import { Layer, type LayerOptions, type Shape } from './layer.js';

export interface EmbeddingOptions extends LayerOptions {
  inputDim: number;
  outputDim: number;
  embeddingsInitializer?: Initializer;
  embeddingsRegularizer?: Regularizer;
}

/** Integer ids [batch, ...] -> vectors [batch, ..., outputDim] (gather; its gradient is a scatter-add). */
export class Embedding extends Layer {
  readonly className = 'Embedding';
  readonly inputDim: number;
  readonly outputDim: number;
  private readonly options: EmbeddingOptions;
  embeddings?: Variable;

  constructor(options: EmbeddingOptions) {
    super(options, 'embedding');
    this.inputDim = options.inputDim;
    this.outputDim = options.outputDim;
    this.options = options;
  }

  override build(inputShape: Shape): void {
    this.embeddings = this.addWeight(
      'embeddings', [this.inputDim, this.outputDim], this.options.embeddingsInitializer ?? 'randomUniform', this.options.embeddingsRegularizer,
    );
    super.build(inputShape);
  }

  computeOutputShape(inputShape: Shape): Shape {
    return [...inputShape, this.outputDim];
  }

  call(x: Tensor): Tensor {
    return composed(() => gather(this.embeddings!, x.dtype === 'int32' ? x : cast(x, 'int32'), 0));
  }
}
