import { DltsError } from '../errors.js';
import { Adagrad } from './adagrad.js';
import { Adam } from './adam.js';
import { Optimizer } from './optimizer.js';
import { RMSprop } from './rmsprop.js';
import { SGD } from './sgd.js';

export { Optimizer, SGD, Adam, RMSprop, Adagrad };

export type OptimizerName = 'sgd' | 'adam' | 'rmsprop' | 'adagrad';

/** An optimizer by Keras's string name, with Keras's defaults. */
export function getOptimizer(o: OptimizerName | Optimizer): Optimizer {
  if (o instanceof Optimizer) return o;
  switch (o) {
    case 'sgd': return new SGD();
    case 'adam': return new Adam();
    case 'rmsprop': return new RMSprop();
    case 'adagrad': return new Adagrad();
    default:
      throw new DltsError(`unknown optimizer '${String(o)}' (known: sgd, adam, rmsprop, adagrad)`);
  }
}
