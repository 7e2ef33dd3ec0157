import { describeBackend } from '@dlts/conformance';
import { createGpujsBackend } from '../src/index.js';
import { exclusions } from './conformance.exclusions.js';
import { CPU_TOLERANCE } from './tolerances.js';

describeBackend('gpujs-cpu', () => createGpujsBackend({ mode: 'cpu' }, 'gpujs-cpu'), { tolerance: { float32: CPU_TOLERANCE }, exclusions });
