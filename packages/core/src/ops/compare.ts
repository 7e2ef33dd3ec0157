import type { Tensor } from '../tensor.js';
import { binaryOp, type Operand } from './binary.js';

// Comparisons return 0/1 in their inputs' dtype and have no gradient.
export const equal = (a: Operand, b: Operand): Tensor => binaryOp('equal', a, b);
export const notEqual = (a: Operand, b: Operand): Tensor => binaryOp('notEqual', a, b);
export const less = (a: Operand, b: Operand): Tensor => binaryOp('less', a, b);
export const lessEqual = (a: Operand, b: Operand): Tensor => binaryOp('lessEqual', a, b);
export const greater = (a: Operand, b: Operand): Tensor => binaryOp('greater', a, b);
export const greaterEqual = (a: Operand, b: Operand): Tensor => binaryOp('greaterEqual', a, b);
