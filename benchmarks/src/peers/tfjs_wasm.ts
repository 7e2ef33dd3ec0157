import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';

/**
 * TensorFlow.js on its WebAssembly backend (XNNPACK kernels, SIMD; single-threaded in Node), called
 * directly: the second peer. It shares tfjs-core's engine with the tfjs-cpu peer, so each
 * measurement selects its backend first.
 */
export async function loadTfjsWasm(): Promise<typeof tf> {
  await tf.setBackend('wasm');
  await tf.ready();
  if (tf.getBackend() !== 'wasm') throw new Error(`tfjs-wasm peer: expected backend 'wasm', got '${tf.getBackend()}'`);
  return tf;
}

export const TFJS_WASM_PEER = 'tfjs-wasm (peer)';
