import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

/** TensorFlow.js on its plain-JS CPU backend, called directly: the peer every row is compared with. */
export async function loadTfjsCpu(): Promise<typeof tf> {
  await tf.setBackend('cpu');
  await tf.ready();
  if (tf.getBackend() !== 'cpu') throw new Error(`tfjs peer: expected backend 'cpu', got '${tf.getBackend()}'`);
  return tf;
}

export const TFJS_CPU_PEER = 'tfjs-cpu (peer)';
