/**
 * Numeric codes for the kernels that take an op argument. The TypeScript side keeps the same
 * tables in src/op_codes.ts (same names, same order): change both together.
 */

export const enum Unary {
  NEG, ABS, SIGN, EXP, LOG, SQRT, SQUARE, RECIPROCAL, TANH, SIGMOID, RELU, STEP,
}

export const enum Binary {
  ADD, SUB, MUL, DIV, POW, MAXIMUM, MINIMUM, EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL,
}

export const enum Reduce {
  SUM, MAX, MIN,
}

/** Activations of the fused dense kernel. */
export const enum Activation {
  LINEAR, RELU, SIGMOID, TANH,
}

/** Work that run_job splits across threads. */
export const enum Job {
  GEMM = 1, CONV_FORWARD = 2, CONV_BACKPROP_INPUT = 3, CONV_BACKPROP_FILTER = 4, PACK_B = 5,
}
