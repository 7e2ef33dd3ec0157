/** Every error dlts throws on bad input; messages start with the op or function that refused. */
export class DltsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Shapes that do not fit together (broadcasting, matmul inner dims, conv channels, reshape sizes). */
export class ShapeError extends DltsError {}

/** A dtype an op does not accept, or two operands whose dtypes differ. */
export class DTypeError extends DltsError {}

/** An index outside the range of the axis it addresses. */
export class IndexError extends DltsError {}

/** Unknown or unavailable backends, tensors from different backends in one op, disposed tensors. */
export class BackendError extends DltsError {}

export function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}
