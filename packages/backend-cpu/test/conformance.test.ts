import { describeBackend } from '@dlts/conformance';
import { createCpuBackend } from '../src/index.js';
import { exclusions } from './conformance.exclusions.js';

describeBackend('cpu', createCpuBackend, { tolerance: { float32: 1e-5, float64: 1e-12 }, exclusions });
