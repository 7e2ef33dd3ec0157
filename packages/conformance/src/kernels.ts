import type { Backend } from '@dlts/core';

/**
 * Every kernel of the backend contract, by the name the coverage matrix uses. The names are
 * derived from the contract's own types and checked both ways at compile time, so a kernel added
 * to (or removed from) the contract breaks this build until the suite covers it.
 */

type UnaryKernel = Parameters<Backend['unary']>[0];
type BinaryKernel = Parameters<Backend['binary']>[0];
type ReduceKernel = Parameters<Backend['reduce']>[0];
/** Backend members that are not kernels (storage, identity, lifecycle) or that dispatch by op name. */
type NonKernelMember = 'name' | 'dtypes' | 'deferred' | 'write' | 'read' | 'readSync' | 'disposeStorage' | 'memory' | 'shutdown';
type MethodKernel = Exclude<keyof Backend, NonKernelMember | 'unary' | 'binary' | 'reduce'>;

export const UNARY_KERNELS = [
  'neg', 'abs', 'sign', 'exp', 'log', 'sqrt', 'square', 'reciprocal', 'tanh', 'sigmoid', 'relu', 'step',
] as const satisfies readonly UnaryKernel[];

export const BINARY_KERNELS = [
  'add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum',
  'equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual',
] as const satisfies readonly BinaryKernel[];

export const REDUCE_KERNELS = ['sum', 'max', 'min'] as const satisfies readonly ReduceKernel[];

export const METHOD_KERNELS = [
  'where', 'clip', 'cast', 'fill', 'argmax', 'matmul', 'transpose', 'slice', 'concat', 'pad',
  'gather', 'scatterAdd', 'conv2d', 'conv2dBackpropInput', 'conv2dBackpropFilter',
  'maxPool', 'maxPoolBackward', 'avgPool', 'avgPoolBackward', 'softmax', 'logSoftmax', 'fusedMatmul',
] as const satisfies readonly MethodKernel[];

/** Kernels a backend may leave out (core composes them). */
export const OPTIONAL_KERNELS = ['fusedMatmul'] as const satisfies readonly MethodKernel[];

type Listed<T extends readonly string[]> = T[number];
type Complete<All, L> = [Exclude<All, L>] extends [never] ? true : { missing: Exclude<All, L> };
// A compile error here names the contract kernels these lists lack.
const unaryComplete: Complete<UnaryKernel, Listed<typeof UNARY_KERNELS>> = true;
const binaryComplete: Complete<BinaryKernel, Listed<typeof BINARY_KERNELS>> = true;
const reduceComplete: Complete<ReduceKernel, Listed<typeof REDUCE_KERNELS>> = true;
const methodComplete: Complete<MethodKernel, Listed<typeof METHOD_KERNELS>> = true;
void [unaryComplete, binaryComplete, reduceComplete, methodComplete];

export type UnaryKernelName = Listed<typeof UNARY_KERNELS>;
export type BinaryKernelName = Listed<typeof BINARY_KERNELS>;
export type KernelName =
  | UnaryKernelName | BinaryKernelName | Listed<typeof REDUCE_KERNELS> | Listed<typeof METHOD_KERNELS>;

export const ALL_KERNELS: readonly KernelName[] = [
  ...UNARY_KERNELS, ...BINARY_KERNELS, ...REDUCE_KERNELS, ...METHOD_KERNELS,
];

/** Core behaviour the suite also checks that is no single kernel's: a second matrix section. */
export const CORE_TOPICS = ['storage', 'reshape', 'memory', 'backends', 'contract'] as const;
export type CoreTopic = (typeof CORE_TOPICS)[number];

/** What a conformance test is tagged with. */
export type Coverage = KernelName | CoreTopic;

/** Kernels a backend declares it does not run, each with the reason shown in the matrix. */
export type Exclusions = Partial<Record<KernelName, string>>;
